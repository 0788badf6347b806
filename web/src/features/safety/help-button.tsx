// A button that opens the "Need help now" panel. A button, not a link: it opens a dialog over
// the current screen, so nothing the person was doing is lost.
import type { ComponentChildren } from 'preact';
import { openHelpPanel } from './help-request';

export function HelpButton({ class: className, children }: { class?: string; children: ComponentChildren }) {
  return (
    <button type="button" class={className} aria-haspopup="dialog" onClick={openHelpPanel}>
      {children}
    </button>
  );
}
