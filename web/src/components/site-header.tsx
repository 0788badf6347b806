// The banner: the Secure Base name (a link home) and the way to urgent help, which is one tap
// away from every screen: it opens the "Need help now" panel over the current screen.
import { HelpButton } from '../features/safety/help-button';
import { Logo } from './logo';
import './site-header.css';

export function SiteHeader() {
  return (
    <header class="site-header">
      <a class="brand" href="/">
        <Logo class="brand-logo" />
        <span class="brand-name">Secure Base</span>
      </a>
      <HelpButton class="help-link">Need help now?</HelpButton>
    </header>
  );
}
