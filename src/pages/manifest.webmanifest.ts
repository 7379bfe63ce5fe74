/** The web app manifest, built to `<base>manifest.webmanifest` (see src/lib/web-manifest.ts). */
import type { APIRoute } from 'astro';
import { webManifest } from '../lib/web-manifest.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest(import.meta.env.BASE_URL)), { headers: { 'content-type': 'application/manifest+json' } });
