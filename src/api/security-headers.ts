// Security headers on every answer (@fastify/helmet), made for what the built web UI and the
// Swagger UI at /api/docs load: their own scripts only (no inline script anywhere), styles of their
// own plus the <style> elements Mantine and Swagger UI insert at run time, images of their own and
// data: URIs (Mantine's checkbox and select icons, the Swagger logo), requests to Trakt only, and no
// page of Trakt inside another site's frame (clickjacking).
import type { FastifyHelmetOptions } from '@fastify/helmet';

/** The helmet options; HSTS and upgrade-insecure-requests only when Trakt is served over HTTPS. */
export function securityHeaders({ https }: { https: boolean }): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Mantine writes its CSS variables and colour-scheme rules into <style> elements; nonces would need a rendered index.html
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // a plain-HTTP install on the local network must not be told to insist on HTTPS
    hsts: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    // the calendar feed and attachment downloads are fetched by other programs, not embedded by other sites
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}
