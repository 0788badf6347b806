// The Secure Base mark: a small circle resting at the bottom of a larger one, held and safe
// enough to look around. Colours come from the tokens through classes (no inline styles: the
// CSP forbids them), so the mark follows light and dark mode.
import './logo.css';

export function Logo({ class: className }: { class?: string }) {
  return (
    <svg
      class={className ? `logo ${className}` : 'logo'}
      viewBox="0 0 48 48"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="logo-tile" width="48" height="48" rx="14" />
      <circle class="logo-ring" cx="24" cy="24" r="12.5" />
      <circle class="logo-dot" cx="24" cy="29" r="4.5" />
    </svg>
  );
}
