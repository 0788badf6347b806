// The frame of every console page: the practitioner's gate (require-practitioner.tsx), the page
// with its one h1, and the console's own small navigation between its pages, the current one
// marked with aria-current (not by colour alone: it is also bold and underlined).
import type { ComponentChildren, VNode } from 'preact';
import { useLocation } from 'preact-iso';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { consoleSections } from './console-paths';
import { RequirePractitioner } from './require-practitioner';
import './console.css';

interface ConsolePageProps {
  heading: string;
  title?: string;
  lede?: ComponentChildren;
  children: (me: Me) => VNode;
}

export function ConsolePage({ heading, title, lede, children }: ConsolePageProps) {
  return (
    <RequirePractitioner heading={heading}>
      {(me) => (
        <Page heading={heading} title={title} lede={lede}>
          <ConsoleNav />
          <div class="console-body">{children(me)}</div>
        </Page>
      )}
    </RequirePractitioner>
  );
}

function ConsoleNav() {
  const { path } = useLocation();
  const current = (section: string) =>
    section === '/console' ? path === section : path === section || path.startsWith(`${section}/`);
  return (
    <nav class="console-nav" aria-label="Console">
      <ul>
        {consoleSections.map((section) => (
          <li key={section.path}>
            <a href={section.path} aria-current={current(section.path) ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
