// Browser entry: styles, the app, and the service worker for offline use of the shell.
import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './pwa/register-service-worker';
import './styles/tokens.css';
import './styles/base.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

registerServiceWorker();
