// One screen's frame: its single h1, an optional lede, and the document title.
// Every route renders exactly one Page, which is how "one h1 per page" and "the title follows
// navigation" hold everywhere.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import './page.css';

export const siteName = 'Secure Base';

export function documentTitle(title: string): string {
  return title === siteName ? siteName : `${title} · ${siteName}`;
}

interface PageProps {
  heading: string;
  /** Short name for the browser tab; defaults to the heading. */
  title?: string;
  lede?: ComponentChildren;
  children?: ComponentChildren;
}

export function Page({ heading, title = heading, lede, children }: PageProps) {
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);

  return (
    <div class="page">
      <div class="page-header">
        {/* tabIndex -1: the app moves focus here after in-app navigation (see app.tsx). */}
        <h1 class="page-heading" tabIndex={-1}>
          {heading}
        </h1>
        {lede ? <p class="page-lede">{lede}</p> : null}
      </div>
      {children}
    </div>
  );
}
