// Shown for any path the app does not know.
import { Page } from '../../components/page';

export function NotFoundPage() {
  return (
    <Page
      heading="Page not found"
      lede="We couldn't find that page. The link may be mistyped, or the page may have moved."
    >
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Page>
  );
}
