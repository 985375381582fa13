import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { loadContent } from '../../build/content-loader.ts'
import type { ScryptParams } from '../../server/auth/passwords.ts'
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config.ts'
import type { TestFaults } from '../../server/context.ts'
import type { Logger } from '../../server/log.ts'
import { type RunningServer, startServer } from '../../server/start.ts'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import { createThrowawayDatabase } from '../support/throwaway-pg.ts'

/**
 * Starts the real server in-process on 127.0.0.1, port 0, against a fresh database: a temp
 * SQLite file, or (when HONGTU_TEST_PG_URL is set) a PostgreSQL database created for this
 * server and dropped afterwards, so test files never share state. The clock is a TestClock
 * the test steps by hand; log lines are captured for inspection.
 */

export type DbKind = 'sqlite' | 'postgres'

/** The databases to run each suite against: SQLite always, PostgreSQL when configured. */
export const DATABASES: DbKind[] = process.env.HONGTU_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite']

/** Cheap scrypt for tests (the cost is stored in each hash; production uses 2^15). */
export const TEST_SCRYPT = { log2N: 10, r: 8, p: 1 }

let pack: ContentPack | undefined
/** The real routes-data, plus the test QR key (tests/fixtures/keys) so tests can sign codes. */
export function testContent(): ContentPack {
  if (!pack) {
    const loaded = loadContent(process.cwd(), undefined, { trustTestKeys: true })
    if (!loaded.pack) throw new Error('routes-data is invalid; run npm run content:check')
    pack = loaded.pack
  }
  return pack
}

export class TestClock {
  constructor(private ms = Date.parse('2026-05-10T02:00:00.000Z')) {}
  readonly now = () => new Date(this.ms)
  advance(ms: number) {
    this.ms += ms
  }
}

export interface TestServer extends RunningServer {
  readonly clock: TestClock
  readonly logs: { event: string; line: string }[]
  readonly dataDir: string
}

/** A database of its own for one test server, on the PostgreSQL of HONGTU_TEST_PG_URL. */
export function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createThrowawayDatabase(process.env.HONGTU_TEST_PG_URL as string, { prefix: 'hongtu_t' })
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

export interface TestServerOptions {
  readonly faults?: TestFaults
  readonly config?: Partial<ServerConfig>
  readonly clock?: TestClock
  readonly scrypt?: ScryptParams
}

export async function startTestServer(db: DbKind, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-test-'))
  const pgDb = db === 'postgres' ? await createPgDatabase() : undefined
  const clock = options.clock ?? new TestClock()
  const logs: { event: string; line: string }[] = []
  const log: Logger = (event, fields) => logs.push({ event, line: JSON.stringify({ event, ...fields }) })
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    distDir: dataDir,
    dataDir,
    projectRoot: process.cwd(),
    ...(pgDb ? { databaseUrl: pgDb.url } : {}),
    ...options.config,
  }
  const cleanUp = async () => {
    await pgDb?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const running = await startServer({
    config,
    log,
    content: testContent(),
    now: clock.now,
    scrypt: options.scrypt ?? TEST_SCRYPT,
    announce: () => {},
    ...(options.faults ? { faults: options.faults } : {}),
  }).catch(async (e: unknown) => {
    await cleanUp()
    throw e
  })
  return {
    ...running,
    clock,
    logs,
    dataDir,
    // Every step runs even if an earlier one fails or hangs, so no database or folder outlives
    // the test, and a hang is reported by name rather than as a bare hook timeout.
    close: async () => {
      const steps: [string, () => Promise<unknown>][] = [
        ['closing the server', () => running.close()],
        ['dropping the test database', async () => pgDb?.drop()],
        ['removing the data folder', async () => rmSync(dataDir, { recursive: true, force: true })],
      ]
      const errors: unknown[] = []
      for (const [name, step] of steps)
        try {
          await withTimeout(step(), 4000, name)
        } catch (e) {
          errors.push(e)
        }
      if (errors.length > 0) throw errors[0]
    },
  }
}

/**
 * For a describe block whose tests each start their own server: registers an afterEach there
 * that closes whatever the test started, and returns the `start` its tests call. Closing in the
 * hook rather than in the test means a failed assertion still drops the test's database and
 * folder. A test that starts nothing closes nothing.
 */
export function serverPerTest(db: DbKind): (options?: TestServerOptions) => Promise<TestServer> {
  const started: TestServer[] = []
  afterEach(async () => {
    for (const server of started.splice(0).reverse()) await server.close()
  })
  return async (options = {}) => {
    const server = await startTestServer(db, options)
    started.push(server)
    return server
  }
}
