// The web app manifest: how Secure Base looks when added to a home screen.
import type { ManifestOptions } from 'vite-plugin-pwa';

// Same values as --color-bg in src/styles/tokens.css (light), so the splash screen and the
// first painted frame match.
const background = '#f6f3ee';

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Secure Base',
  short_name: 'Secure Base',
  description:
    'A calm, private place to learn about anxious attachment, practise settling your nervous system and book sessions.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: background,
  theme_color: background,
  categories: ['health', 'lifestyle', 'education'],
  icons: [
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
