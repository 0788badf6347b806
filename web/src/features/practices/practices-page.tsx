// Guided practices. Not landed yet, so the page says so.
import { ComingSoon } from '../../components/coming-soon';
import { Page } from '../../components/page';

export function PracticesPage() {
  return (
    <Page heading="Practices" lede="Simple, guided ways to settle your body when feelings run high.">
      <ComingSoon icon="practices" message="The guided practices are being prepared. They will appear here soon.">
        They will include slow breathing, grounding through your senses and a few kind words for
        hard moments, each short enough to use right when you need it.
      </ComingSoon>
    </Page>
  );
}
