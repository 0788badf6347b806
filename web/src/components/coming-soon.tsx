// The honest placeholder for a feature that has not landed yet. It says so plainly and kindly,
// and never shows made-up content in its place.
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icon';
import { StatusBadge } from './status-badge';
import './coming-soon.css';

interface ComingSoonProps {
  icon: IconName;
  /** The plain sentence: what is not here yet, and that it will come. */
  message: string;
  /** Optional: what the feature will offer once it is ready. */
  children?: ComponentChildren;
}

export function ComingSoon({ icon, message, children }: ComingSoonProps) {
  return (
    <section class="coming-soon" aria-label="Not available yet">
      <div class="coming-soon-mark">
        <Icon name={icon} class="coming-soon-icon" />
      </div>
      <div class="coming-soon-body">
        <StatusBadge ready={false} />
        <p class="coming-soon-message">{message}</p>
        {children ? <p class="coming-soon-detail">{children}</p> : null}
      </div>
    </section>
  );
}
