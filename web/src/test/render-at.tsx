// Renders the whole app as if the browser had opened `path`.
import { render } from '@testing-library/preact';
import { App } from '../app';

export function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(<App />);
}
