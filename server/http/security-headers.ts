import type { MiddlewareHandler } from 'hono'

/**
 * Security headers on every response (notes/reliability.md P20, ASVS 5.0 3.4).
 *
 * The CSP fits the built app: a Vite SPA with no inline scripts, styles only from its own CSS
 * files (React and maplibre set styles through the CSSOM, which CSP does not block), maplibre's
 * worker loaded as a same-origin .mjs file, QR images as data: URLs, the controller models'
 * embedded textures as blob: URLs. `extraOrigins` (a tile
 * provider) may be fetched and shown as images. HSTS is sent only over HTTPS: on plain http a
 * browser ignores it, and on localhost it would pin a developer's machine to https.
 */
export function securityHeaders(options: {
  extraOrigins: readonly string[]
  isHttps: (c: Parameters<MiddlewareHandler>[0]) => boolean
}): MiddlewareHandler {
  const extra = options.extraOrigins.join(' ')
  const withExtra = (list: string) => (extra ? `${list} ${extra}` : list)
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    withExtra("img-src 'self' data: blob:"),
    "font-src 'self'",
    // blob: lets three's GLTF loader read the textures embedded in the shipped controller models.
    withExtra("connect-src 'self' blob:"),
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return async (c, next) => {
    await next()
    c.header('Content-Security-Policy', csp)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    c.header(
      'Permissions-Policy',
      'geolocation=(self), camera=(self), xr-spatial-tracking=(self), microphone=()',
    )
    if (options.isHttps(c)) c.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store')
  }
}
