// Build for the browser app. Root is web/, output web/dist, which the C++ server serves as-is.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './pwa-manifest.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Paths the server answers itself. The service worker must never answer a navigation to them
// with the cached app shell, and nothing under them is ever cached.
const serverOnlyPaths = [/^\/api\//, /^\/healthz$/, /^\/readyz$/, /^\/metrics$/, /^\/calendar\//];

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [
    preact(),
    VitePWA({
      // Registered from main.tsx (src/pwa/register-service-worker.ts): no inline script, so the
      // strict CSP (script-src 'self') holds, and no extra request for a registerSW.js.
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest,
      // The glob below already takes every icon; listing them again would duplicate entries.
      includeManifestIcons: false,
      workbox: {
        // Precache the app shell only (the plugin adds manifest.webmanifest itself). No runtimeCaching at all: API answers are personal and
        // must always come from the server.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: serverOnlyPaths,
        cleanupOutdatedCaches: true,
        // A new shell takes over at once, without a prompt, and the first visit is controlled
        // without a reload. (The plugin only sets these itself when it injects the register.)
        skipWaiting: true,
        clientsClaim: true,
        // One file (sw.js) for the server to serve with no-cache, instead of sw.js + workbox-*.js.
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Small app: inline nothing as data: URLs so every asset is a cacheable same-origin file.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    // During `npm run dev`, send API calls to a locally running server.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/readyz': 'http://127.0.0.1:8080',
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 8080,
    // Preview stands in for the server on 8080, so it must not inherit the dev proxy above
    // (it would proxy /api to itself, forever).
    proxy: {},
  },
});
