import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { describeIssues, loadContent } from '../build/content-loader.ts'
import type { ContentPack } from '../src/domain/content/pack.ts'
import { createApp } from './app.ts'
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/passwords.ts'
import { describeConfig, type ServerConfig, sqliteFileOf } from './config.ts'
import type { AppServices, TestFaults } from './context.ts'
import { migrateToLatest } from './db/migrations.ts'
import { openDatabase } from './db/open.ts'
import { demoCredentialsText, seedDemo } from './db/seed.ts'
import { GuideService } from './guide/service.ts'
import { attachGuideSocket } from './guide/socket.ts'
import { consoleLogger, type Logger } from './log.ts'
import { loadTls } from './tls.ts'

export interface StartOptions {
  readonly config: ServerConfig
  readonly log?: Logger
  /** The content pack; read from config.projectRoot when absent. */
  readonly content?: ContentPack
  readonly now?: () => Date
  readonly scrypt?: ScryptParams
  /** Test-only fault hooks (context.ts); server/main.ts never passes any. */
  readonly faults?: TestFaults
  /** Where the demo credentials are printed on first start. */
  readonly announce?: (text: string) => void
}

export interface RunningServer {
  readonly url: string
  readonly services: AppServices
  close(): Promise<void>
}

export function loadPack(projectRoot: string): ContentPack {
  const { pack, issues } = loadContent(projectRoot)
  if (!pack)
    throw new Error(`the content in ${projectRoot}/routes-data is invalid:\n${describeIssues(issues)}`)
  return pack
}

/** Opens (and creates) the database, migrates, seeds on first start, and serves app and API on one port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options
  const log = options.log ?? consoleLogger
  const now = options.now ?? (() => new Date())
  const scrypt = options.scrypt ?? DEFAULT_SCRYPT
  log('config', { config: describeConfig(config) })
  const content = options.content ?? loadPack(config.projectRoot)
  const opened = openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    sqliteFile: sqliteFileOf(config),
  })
  try {
    const applied = await migrateToLatest(opened.db, opened.dialect)
    if (applied.length > 0) log('migrated', { dialect: opened.dialect, applied: applied.join(',') })
    if (config.seedDemo && (await seedDemo(opened.db, now(), scrypt)))
      (options.announce ?? console.log)(demoCredentialsText())
  } catch (e) {
    await opened.close()
    throw e
  }
  const base = {
    db: opened.db,
    dialect: opened.dialect,
    config,
    content,
    log,
    now,
    scrypt,
    faults: options.faults ?? {},
  }
  let guide: GuideService
  let tls: ReturnType<typeof loadTls>
  try {
    tls = loadTls(config, now())
    guide = await GuideService.start(base)
  } catch (e) {
    await opened.close()
    throw e
  }
  const services: AppServices = { ...base, guide }
  const app = createApp({ distDir: config.distDir, services })
  if (tls) log('tls', { source: tls.source })
  const caCert = tls?.caCert
  const fetch: typeof app.fetch = (req, ...rest) =>
    // The local CA, for devices to install (README: "VR center on a local network"). Public.
    caCert && new URL(req.url).pathname === '/hongtu-ca.crt'
      ? new Response(caCert, {
          headers: {
            'content-type': 'application/x-x509-ca-cert',
            'content-disposition': 'attachment; filename="hongtu-ca.crt"',
          },
        })
      : app.fetch(req, ...rest)
  const server = (
    tls
      ? serve({
          fetch,
          port: config.port,
          hostname: config.host,
          createServer: createHttpsServer,
          serverOptions: { key: tls.key, cert: tls.cert },
        })
      : serve({ fetch, port: config.port, hostname: config.host })
  ) as Server
  const guideSocket = attachGuideSocket(server, guide, services)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', reject)
    })
  } catch (e) {
    await guideSocket.close()
    await guide.close()
    await opened.close()
    throw e
  }
  const { port } = server.address() as AddressInfo
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host
  return {
    url: `${tls ? 'https' : 'http'}://${shownHost}:${port}`,
    services,
    close: async () => {
      // WebSockets first: upgraded sockets are not the HTTP server's to close.
      await guideSocket.close()
      await guide.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Keep-alive sockets would hold close() open.
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
      })
      await opened.close()
    },
  }
}
