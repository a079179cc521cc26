/**
 * Security headers on every answer, with @fastify/helmet: a Content-Security-Policy that lets a page
 * run only this site's own scripts and talk only to this site (a stored name that slipped past
 * escaping could not run or send anything); no framing by other sites (clickjacking on /entry,
 * /admin, /audit), except the embeds, which are made to be framed by any live blog; nosniff; and no
 * Referer sent on. HSTS is left to the TLS proxy in front, which knows whether the site is https.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // 'self' covers this site's own WebSocket (socket.io) as well as its fetches.
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // Style sheets only from this site; style attributes allowed, as Svelte sets them on the
  // screens (bar widths, party colours): without this Chromium refuses them on /big-screen.
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // A plain-http install (a newsroom LAN) must keep working: no forced upgrade.
  'upgrade-insecure-requests': null,
};

export const SECURITY_HEADERS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  hsts: false,
};

/** The embeds' pages: any site may frame them (no X-Frame-Options, frame-ancestors *); the rest of the policy holds. */
export const EMBEDDABLE = {
  // The route's own helmet options (what its `helmet` route option sets once the plugin has loaded).
  config: {
    helmet: {
      contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, 'frame-ancestors': ['*'] } },
      frameguard: false,
    },
  },
};

/**
 * The headers that act only on a document (the page's policy, framing, its opener, its
 * Referer and the old browsers' switches) are taken off every answer that is not a page:
 * a JSON reply, a script or an image is never rendered as a document (nosniff, kept, sees
 * to that), and on a reader's embed, polling every few seconds, they were 600 of the
 * 800 bytes of each 304. What stays on every answer: nosniff, the resource policy and a
 * policy that allows nothing, in case one is ever opened as a page.
 */
const DOCUMENT_ONLY = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
export const NOT_A_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function documentHeadersOnPagesOnly(reply: {
  statusCode: number;
  getHeader(name: string): unknown;
  removeHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}) {
  const type = reply.getHeader('content-type');
  if (typeof type === 'string' && type.startsWith('text/html')) return;
  for (const name of DOCUMENT_ONLY) reply.removeHeader(name);
  // A 304 carries no type, and a browser updates the copy it holds with the 304's headers: none,
  // so a page revalidated keeps its own policy rather than taking the allow-nothing one. A 204
  // (an embed's "nothing new", polled every few seconds) has no body that could be opened as a page.
  if (reply.statusCode === 304 || reply.statusCode === 204) reply.removeHeader('content-security-policy');
  else reply.header('content-security-policy', NOT_A_PAGE_POLICY);
}
