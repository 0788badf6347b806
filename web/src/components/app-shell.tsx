// The frame around every screen: skip link, banner, navigation, main content and footer.
// Landmarks: one banner, one navigation, one main, one contentinfo. The "Need help now" panel
// is mounted here once, closed, so any screen can open it.
import type { ComponentChildren } from 'preact';
import { HelpPanel } from '../features/safety/help-panel';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { SiteNav } from './site-nav';
import { SkipLink } from './skip-link';
import './app-shell.css';

export function AppShell({ children }: { children: ComponentChildren }) {
  return (
    <div class="app-shell">
      <SkipLink />
      <div class="app-sidebar">
        <SiteHeader />
        <SiteNav />
      </div>
      <div class="app-content">
        {/* tabIndex -1 so the skip link can move focus here. */}
        <main id="main" class="app-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </div>
      <HelpPanel />
    </div>
  );
}
