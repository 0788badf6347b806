// First thing a keyboard reaches: jumps past the navigation to the page content.
// A plain hash link: the router leaves "#..." links to the browser, which moves focus to
// <main id="main" tabindex="-1">.
import './skip-link.css';

export function SkipLink() {
  return (
    <a class="skip-link" href="#main">
      Skip to content
    </a>
  );
}
