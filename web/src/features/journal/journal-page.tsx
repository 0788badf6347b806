// Journal. Not landed yet, so the page says so.
import { ComingSoon } from '../../components/coming-soon';
import { Page } from '../../components/page';

export function JournalPage() {
  return (
    <Page heading="Journal" lede="A private place to write things down and see them more clearly.">
      <ComingSoon icon="journal" message="Your journal is being prepared. It will appear here soon.">
        You will be able to note what set you off, what you told yourself, how your body felt and
        what helped. Only you will read it, unless you choose to share an entry with your therapist.
      </ComingSoon>
    </Page>
  );
}
