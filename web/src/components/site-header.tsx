// The banner: the Secure Base name (a link home), the way to urgent help, which is one tap
// away from every screen (it opens the "Need help now" panel over the current screen), and
// the account corner: log in and sign up, or the person's name and log out.
import { AccountMenu } from '../features/account/account-menu';
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
      <AccountMenu />
    </header>
  );
}
