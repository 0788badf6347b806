// Keeps the screen awake while `active` (a breathing practice should not go dark mid-breath).
// Released when no longer active, when the screen closes and while the page is hidden (the
// browser drops it then anyway); asked for again when the page is shown. Where the browser has
// no Wake Lock API, or refuses (battery saver), nothing happens: the practice works without it.
import { useEffect } from 'preact/hooks';

interface Sentinel {
  release(): Promise<void>;
}

interface WakeLockApi {
  request(type: 'screen'): Promise<Sentinel>;
}

function wakeLockApi(): WakeLockApi | undefined {
  return (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
}

export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const api = wakeLockApi();
    if (!active || !api) return;
    let sentinel: Sentinel | null = null;
    let closed = false;

    const release = () => {
      const held = sentinel;
      sentinel = null;
      held?.release().catch(() => {});
    };
    const request = async () => {
      if (document.visibilityState !== 'visible' || sentinel) return;
      try {
        const got = await api.request('screen');
        if (closed) got.release().catch(() => {});
        else sentinel = got;
      } catch {
        // Refused (e.g. battery saver): the practice goes on without it.
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void request();
      else release();
    };

    void request();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      closed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      release();
    };
  }, [active]);
}
