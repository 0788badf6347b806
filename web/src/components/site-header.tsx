// The banner: the Secure Base name (a link home) and the way to urgent help, which is one tap
// away from every screen.
import { Logo } from './logo';
import './site-header.css';

export function SiteHeader() {
  return (
    <header class="site-header">
      <a class="brand" href="/">
        <Logo class="brand-logo" />
        <span class="brand-name">Secure Base</span>
      </a>
      <a class="help-link" href="/about#urgent-help">
        Need help now?
      </a>
    </header>
  );
}
