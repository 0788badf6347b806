// /console/booking-settings: where she serves, video links and her cancellation policy
// (booking-settings-form.tsx), then her private calendar feed (calendar-feed-panel.tsx).
import { getBookingSettings } from '../../api/console-scheduling';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { BookingSettingsForm } from './booking-settings-form';
import { CalendarFeedPanel } from './calendar-feed-panel';
import { ConsolePage } from './console-page';
import { LoadProblem, Loading } from './load-problem';

export function BookingSettingsPage() {
  return (
    <ConsolePage heading="Booking settings" lede="Who can book you, how sessions meet, and your cancellation policy.">
      {(me) => (
        <>
          <Settings />
          <CalendarFeedPanel me={me} />
        </>
      )}
    </ConsolePage>
  );
}

function Settings() {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getBookingSettings(client, { signal }), [client]);
  if (loaded.status === 'loading') return <Loading what="your booking settings" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your booking settings" />;
  return <BookingSettingsForm settings={loaded.value} />;
}
