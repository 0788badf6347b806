// One way to open the "Need help now" panel from anywhere: the header, the home and About
// pages, and later a very high distress rating. The panel (mounted once, in the app shell)
// listens; callers need no props or context.

type Listener = () => void;

const listeners = new Set<Listener>();

export function openHelpPanel(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` on every request to open the panel; returns the function to stop. */
export function onHelpRequested(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
