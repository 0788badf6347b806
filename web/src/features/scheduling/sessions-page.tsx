// Sessions: booking video sessions with the practitioner. Not landed yet, so the page says so.
import { ComingSoon } from '../../components/coming-soon';
import { Page } from '../../components/page';

export function SessionsPage() {
  return (
    <Page heading="Sessions" lede="Video sessions with your therapist, at a time that suits you.">
      <ComingSoon icon="sessions" message="Booking sessions is being prepared. It will appear here soon.">
        You will be able to choose a time here, shown in your own time zone, and find everything
        about your upcoming sessions in one place.
      </ComingSoon>
    </Page>
  );
}
