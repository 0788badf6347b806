// Keeps a form's draft written while the page may be going away: a waiting change is written at
// once when the page is hidden (switching apps on a phone, which may be the last chance before
// the browser is killed), on pagehide (closing or reloading the tab), and when the form itself
// closes (navigating elsewhere in the app). Browser main thread only.
import { useEffect } from 'preact/hooks';
import type { DraftWriter } from './draft-store';

export function useDraftAutosave(writer: DraftWriter): void {
  useEffect(() => {
    const flush = () => writer.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') writer.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      writer.flush();
    };
  }, [writer]);
}
