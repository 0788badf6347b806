// Closing words on every screen: what Secure Base is not, and where to read more.
import './site-footer.css';

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <p>
        Secure Base supports your wellbeing. It is not a treatment or an emergency service.{' '}
        <a href="/about">About Secure Base</a>
        <span aria-hidden="true"> · </span>
        <a href="/privacy">Privacy</a>
      </p>
    </footer>
  );
}
