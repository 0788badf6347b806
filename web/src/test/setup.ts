// Shared set-up for the web unit tests. Most run in jsdom; a few opt into the node environment
// (see api/health.test.ts), so everything browser-specific is guarded.
import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';

// findBy*/waitFor give up after this long. The default second is too tight for the first render
// of a test file on a busy two-core machine (the app's code loads then); a wait still ends as
// soon as its condition holds.
configure({ asyncUtilTimeout: 4000 });

const inBrowser = typeof window !== 'undefined';

if (inBrowser) {
  // The files share one jsdom per worker (vitest.config.ts: isolate false): each file starts
  // with the storage a fresh page would have.
  localStorage.clear();
  sessionStorage.clear();

  // jsdom has no matchMedia. Answer "no match" for every query: the unit tests do not depend
  // on media features; motion and colour scheme are checked in a real browser (tests/e2e).
  if (typeof window.matchMedia !== 'function') {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      writable: true,
      value: (query: string): MediaQueryList => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }

  // jsdom has <dialog> but not its methods. Enough of them for the help panel: open and close
  // with the `close` event. (Modality, the backdrop and Escape are checked in tests/e2e.)
  if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }

  // The router scrolls to the top after a navigation; jsdom only logs "not implemented".
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView = function scrollIntoView() {};

  afterEach(() => {
    cleanup();
    sessionStorage.clear();
    history.replaceState(null, '', '/');
    document.title = '';
    document.cookie = 'csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    document.cookie = 'theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
}
