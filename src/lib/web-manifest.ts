/**
 * The web app manifest (`manifest.webmanifest`, served by src/pages/manifest.webmanifest.ts), which
 * makes the book installable. Every URL starts with the base, so a book under `/book/` is an app
 * scoped to `/book/`. The icons are drawn from the favicon by tests/tools/make-icons.ts.
 */
import { site } from './site.ts';
import { withBase } from './url.ts';

/** The launcher label: short enough not to be cut under an icon. */
const SHORT_NAME = 'ML Systems';
/** `--bg` of the light theme (src/styles/tokens.css): the splash screen behind the icon. */
const BACKGROUND = '#fcfcfd';
/** The light `theme-color` of every page (src/layouts/Base.astro), for the title bar. */
const THEME = '#ffffff';

export interface WebManifestIcon {
  src: string;
  sizes: string;
  type: 'image/png';
  purpose: 'any' | 'maskable';
}

export function webManifest(base: string) {
  const icon = (file: string, size: number, purpose: WebManifestIcon['purpose']): WebManifestIcon => ({
    src: withBase(base, `icons/${file}`),
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  return {
    id: base,
    name: site.title,
    short_name: SHORT_NAME,
    description: site.description,
    lang: site.lang,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: BACKGROUND,
    theme_color: THEME,
    icons: [icon('icon-192.png', 192, 'any'), icon('icon-512.png', 512, 'any'), icon('icon-maskable-512.png', 512, 'maskable')],
  };
}
