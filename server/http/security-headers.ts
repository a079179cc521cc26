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
