import { Hono } from 'hono'
import type { ServerConfig } from './config.ts'
import { createStaticHandler } from './static-files.ts'

/** The HTTP app: the API under /api, and the built PWA for everything else. */
export function createApp(config: Pick<ServerConfig, 'distDir'>) {
  const app = new Hono()

  app.use('*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
  })

  app.get('/api/health', (c) => c.json({ ok: true, time: new Date().toISOString() }))
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', path: new URL(c.req.url).pathname } }, 404))
  app.get('*', createStaticHandler(config.distDir))

  return app
}
