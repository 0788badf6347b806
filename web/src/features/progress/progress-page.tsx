// Progress. Not landed yet, so the page says so (and shows no invented numbers).
import { ComingSoon } from '../../components/coming-soon';
import { Page } from '../../components/page';

export function ProgressPage() {
  return (
    <Page heading="Progress" lede="A gentle look at how things change for you over time.">
      <ComingSoon icon="progress" message="Progress is being prepared. It will appear here soon.">
        Once you have spent some time with the course and the practices, this page will show what
        has shifted, without scores to live up to.
      </ComingSoon>
    </Page>
  );
}
