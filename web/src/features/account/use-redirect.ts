// Sends the person on to `target` (replacing this page in the history) once the page decides
// it should. Only while this page is still the one showing: during the move, the outgoing page
// renders once more with the new address, and must not redirect again from there.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

export function useRedirect(target: string | undefined): void {
  const { route, path } = useLocation();
  const [ownPath] = useState(path);
  const sent = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!target || path !== ownPath || sent.current === target) return;
    sent.current = target;
    route(target, true);
  }, [target, path]);
}
