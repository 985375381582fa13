import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { adminRoutes } from './admin/routes.ts'
import { archiveRoutes } from './archive/routes.ts'
import { attestRoutes } from './attest/routes.ts'
import { authenticate, sameOriginWrites } from './auth/middleware.ts'
import { authRoutes } from './auth/routes.ts'
import { effectRoutes } from './classes/effect-routes.ts'
import { manageClassRoutes } from './classes/manage-routes.ts'
import { memberPasswordRoute } from './classes/member-password-route.ts'
import { peopleRoutes } from './classes/people-routes.ts'
import { rosterRoutes } from './classes/roster-routes.ts'
import { classRoutes } from './classes/routes.ts'
import type { AppEnv, AppServices } from './context.ts'
import { coverageRoutes } from './coverage/routes.ts'
import { bodyLimitFor } from './http/body-limits.ts'
import { ApiError, errorBody, errorResponse } from './http/errors.ts'
import { buildOpenApi } from './http/openapi.ts'
import { ApiRegistry } from './http/registry.ts'
import { securityHeaders } from './http/security-headers.ts'
import { closeIfBodyUnread } from './http/unread-body.ts'
import { consoleLogger } from './log.ts'
import { createStaticHandler } from './static-files.ts'
import { syncRoutes } from './sync/routes.ts'

export interface AppOptions {
  readonly distDir: string
  /**
   * Storage, content and clock for the API. Without them only the built app and /api/health
   * are served: enough for tests of the static app and for the bundle benchmark.
   */
  readonly services?: AppServices
}

/** The HTTP app: the API under /api, and the built PWA for everything else, on one port. */
export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>()
  const s = options.services
  const log = s?.log ?? consoleLogger
  const trustProxy = s?.config.trustProxy ?? false

  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    // The path only: query strings (cursors today, who knows what tomorrow) stay out of logs.
    if (c.req.path.startsWith('/api/'))
      log('http', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('user')?.id,
      })
  })
  app.use('*', closeIfBodyUnread())
  app.use(
    '*',
    securityHeaders({
      extraOrigins: s?.config.cspExtraOrigins ?? [],
      isHttps: (c) =>
        new URL(c.req.url).protocol === 'https:' ||
        (trustProxy && c.req.header('x-forwarded-proto') === 'https'),
    }),
  )
  app.use('/api/*', (c, next) =>
    bodyLimit({
      maxSize: bodyLimitFor(c.req.path),
      onError: (c) => {
        // The unread rest of the body is still on the wire: a kept-alive connection was reset
        // about half the time before the client read this answer. Closing it delivers the 413.
        c.header('Connection', 'close')
        return c.json(errorBody('too_large', 'the request body is too large'), 413)
      },
    })(c, next),
  )

  // JSON answers are compressed for clients that accept it (every browser does): a pull page or
  // a class dashboard is mostly repeated keys, a tenth of its size gzipped.
  app.use('/api/*', compress({ threshold: 512 }))

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err)
    log('error', { path: c.req.path, name: err.name, message: err.message.slice(0, 200) })
    return c.json(errorBody('internal', 'something went wrong on the server; try again later'), 500)
  })

  app.get('/api/health', (c) => c.json({ ok: true, time: new Date().toISOString() }))

  if (s) {
    app.use('/api/*', sameOriginWrites(trustProxy))
    app.use('/api/*', authenticate(s))
    const api = new ApiRegistry(app)
    authRoutes(api, s)
    classRoutes(api, s)
    attestRoutes(api, s)
    effectRoutes(api, s)
    manageClassRoutes(api, s)
    rosterRoutes(api, s)
    memberPasswordRoute(api, s)
    peopleRoutes(api, s)
    coverageRoutes(api, s)
    archiveRoutes(api, s)
    syncRoutes(api, s)
    adminRoutes(api, s)
    const doc = buildOpenApi(api.routes, s.content.version)
    app.get('/api/openapi.json', (c) => c.json(doc))
  }

  app.all('/api/*', (c) => c.json(errorBody('not_found', 'no such endpoint', c.req.path), 404))
  app.get('*', createStaticHandler(options.distDir))
  return app
}
