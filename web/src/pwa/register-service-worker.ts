// Registers the service worker built by vite-plugin-pwa (web/dist/sw.js). Done here rather than
// with the plugin's inline snippet, because the CSP allows no inline scripts.
// Only in production builds: the dev server has no sw.js.

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;

  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // The app works without it; only the offline shell is lost. Nothing to tell the reader.
    });
  };

  // Wait for the page to finish loading so the worker's precache downloads never compete with
  // the first screen.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
