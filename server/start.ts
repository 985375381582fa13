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
import { consoleLogger, type Logger } from './log.ts'

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
  const services: AppServices = {
    db: opened.db,
    dialect: opened.dialect,
    config,
    content,
    log,
    now,
    scrypt,
    faults: options.faults ?? {},
  }
  const app = createApp({ distDir: config.distDir, services })
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host
  return {
    url: `http://${shownHost}:${port}`,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Keep-alive sockets would hold close() open.
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
      }).then(() => opened.close()),
  }
}
