import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createUser } from '../../server/admin/users.ts'
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config.ts'
import { DEMO_BRANCHES } from '../../server/db/seed.ts'
import { type RunningServer, startServer } from '../../server/start.ts'
import { createPgDatabase, type DbKind, TEST_SCRYPT, TestClock, testContent } from '../server/harness.ts'

/**
 * The real server for the chaos run, which unlike tests/server/harness.ts can be stopped and
 * started again on the SAME database (SQLite file or PostgreSQL database): a restart must lose
 * nothing that was committed, and sessions (stored in the database) must survive it.
 */
export class ChaosServer {
  private running: RunningServer | undefined
  readonly clock = new TestClock()
  restarts = 0

  private constructor(
    private readonly config: ServerConfig,
    private readonly cleanUp: () => Promise<void>,
  ) {}

  static async create(db: DbKind): Promise<ChaosServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-chaos-'))
    const pgDb = db === 'postgres' ? await createPgDatabase() : undefined
    const config: ServerConfig = {
      ...DEFAULT_CONFIG,
      port: 0,
      host: '127.0.0.1',
      distDir: dataDir,
      dataDir,
      projectRoot: process.cwd(),
      // The server clock does not move during a run, so the per-minute push limit would count
      // every push of the whole run as one minute; 429 handling is covered by unit tests.
      syncPushesPerMinute: 1_000_000,
      ...(pgDb ? { databaseUrl: pgDb.url } : {}),
    }
    const server = new ChaosServer(config, async () => {
      await pgDb?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    })
    await server.start()
    return server
  }

  get up(): boolean {
    return this.running !== undefined
  }

  get url(): string {
    if (!this.running) throw new Error('server is down')
    return this.running.url
  }

  async start() {
    if (this.running) return
    this.running = await startServer({
      config: this.config,
      log: () => {},
      content: testContent(),
      now: this.clock.now,
      scrypt: TEST_SCRYPT,
      announce: () => {},
    })
  }

  async stop() {
    const r = this.running
    this.running = undefined
    await r?.close()
  }

  async restart() {
    await this.stop()
    await this.start()
    this.restarts += 1
  }

  /** Creates a member account straight in the database (the admin API is not under test here). */
  async addMember(username: string, password: string): Promise<void> {
    if (!this.running) throw new Error('server is down')
    await createUser(
      this.running.services.db,
      { username, displayName: username, role: 'member', branchName: DEMO_BRANCHES[0], password },
      this.clock.now(),
      TEST_SCRYPT,
    )
  }

  async dispose() {
    try {
      await this.stop()
    } finally {
      await this.cleanUp()
    }
  }
}
