import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { DEFAULT_SCRYPT } from '../../server/auth/passwords.ts'
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config.ts'
import type { Db } from '../../server/db/tables.ts'
import type { Logger } from '../../server/log.ts'
import { loadPack, startServer } from '../../server/start.ts'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import { createThrowawayDatabase } from '../../tests/support/throwaway-pg.ts'
import { runLoad } from './load.ts'
import { type DayOptions, yesterdayInChinaMs } from './plan.ts'
import type { LoadProgress } from './protocol.ts'
import { type ProvisionedMember, provisionMembers } from './provision.ts'
import { type LatencySummary, summarise } from './stats.ts'
import { type Verification, verifyDay } from './verify.ts'

/**
 * One theme-day spike against one database: start the real server (server/start.ts: real HTTP
 * on 127.0.0.1, real auth, default configuration but no demo seed) on a fresh SQLite file or a
 * throwaway PostgreSQL database, provision the members, let their phones push their day
 * (load-worker.ts), verify the database and a sample of progress answers, and tear it all down.
 */

export type SpikeDb = 'sqlite' | 'postgres'

export interface SpikeOptions {
  readonly db: SpikeDb
  /** Required for postgres: a role that may create databases. */
  readonly pgAdminUrl?: string
  readonly members: number
  readonly branches: number
  readonly pushesPerMember: 1 | 2
  readonly concurrency: number
  /** 0 (default): as fast as the server answers; N: the day played N times faster. */
  readonly compress?: number
  readonly rampMs: number
  /** Open each lane's connection when it first sends, under load, instead of before the clock. */
  readonly coldConnections?: boolean
  readonly timeoutMs: number
  readonly deadlineMs: number
  readonly progressSample: number
  readonly seed: number
  readonly content?: ContentPack
  /**
   * DIAGNOSTIC ONLY, never how the server ships: 'relaxed' turns off waiting for the disk at
   * commit (SQLite synchronous=NORMAL, PostgreSQL synchronous_commit=off), to show how much of
   * the time the durable commit costs (server/db/open.ts explains why the server keeps it).
   */
  readonly durability?: 'as-shipped' | 'relaxed'
  /** Test hooks: change the database before the load or before the verification. */
  readonly beforeLoad?: (db: Db, members: readonly ProvisionedMember[]) => Promise<void>
  readonly beforeVerify?: (db: Db) => Promise<void>
  readonly onProgress?: (p: LoadProgress & { seconds: number }) => void
  readonly onPhase?: (text: string) => void
}

export interface SpikeRun {
  /** When the load began (ISO 8601). */
  readonly startedAt: string
  readonly db: SpikeDb
  readonly durability: 'as-shipped' | 'relaxed'
  readonly members: number
  readonly branches: number
  readonly pushesPerMember: number
  readonly concurrency: number
  readonly compress: number
  readonly rampSeconds: number
  readonly connections: 'opened before the clock' | 'opened under load'
  readonly provisionSeconds: number
  readonly load: {
    readonly seconds: number
    readonly requests: number
    readonly records: number
    readonly plannedRequests: number
    readonly plannedRecords: number
    readonly requestsPerSecond: number
    readonly recordsPerSecond: number
    readonly latencyMs: LatencySummary
    /** The same pushes timed inside the server, from the first middleware to the answer (whole ms). */
    readonly serverHandlingMs: LatencySummary
    readonly peakInFlight: number
    readonly bytesSentPerRequest: number
    readonly bytesReceivedPerRequest: number
    /** Busy share of the server's event loop (the main thread) during the load. */
    readonly serverEventLoopUtilization: number
    readonly clientEventLoopUtilization: number
    /** CPU seconds of this whole process (server and load worker; not PostgreSQL's). */
    readonly processCpuSeconds: number
    /** Load average of the (shared) machine at the start and end of the load. */
    readonly loadAverage: { readonly before: number; readonly after: number }
  }
  /** Count per kind; the spike passes only when this is empty. */
  readonly errors: Record<string, number>
  readonly errorCount: number
  readonly errorSamples: Record<string, string[]>
  /** `error` events the server logged (5xx and the like). */
  readonly serverLogErrors: number
  readonly verification: Verification
  readonly verifySeconds: number
  readonly ok: boolean
}

const seconds = (fromMs: number) => Math.round(performance.now() - fromMs) / 1000

export async function runSpike(options: SpikeOptions): Promise<SpikeRun> {
  const phase = options.onPhase ?? (() => {})
  const content = options.content ?? loadPack(process.cwd())
  if (options.db === 'postgres' && !options.pgAdminUrl) throw new Error('postgres needs pgAdminUrl')
  const durability = options.durability ?? 'as-shipped'
  const pgDb =
    options.db === 'postgres'
      ? await createThrowawayDatabase(options.pgAdminUrl as string, {
          prefix: 'hongtu_spike',
          relaxedDurability: durability === 'relaxed',
        })
      : undefined
  const dataDir = mkdtempSync(join(tmpdir(), 'hongtu-spike-'))

  // The server logs as in production (one JSON line per event, server/log.ts), to a file.
  const logFile = createWriteStream(join(dataDir, 'server.log'))
  let serverLogErrors = 0
  const serverMs: number[] = []
  const log: Logger = (event, fields = {}) => {
    if (event === 'error') serverLogErrors++
    if (event === 'http' && fields.path === '/api/sync/push') serverMs.push(Number(fields.ms))
    logFile.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`)
  }
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: dataDir,
    projectRoot: process.cwd(),
    seedDemo: false,
    ...(pgDb ? { databaseUrl: pgDb.url } : {}),
  }
  try {
    const server = await startServer({ config, log, content, scrypt: DEFAULT_SCRYPT, announce: () => {} })
    try {
      if (durability === 'relaxed' && options.db === 'sqlite')
        await sql`pragma synchronous = NORMAL`.execute(server.services.db)
      phase(`provisioning ${options.members} members on ${options.db}`)
      const t0 = performance.now()
      const members = await provisionMembers(server.services.db, {
        members: options.members,
        branches: options.branches,
        now: new Date(),
        life: { idleDays: config.sessionIdleDays, maxDays: config.sessionMaxDays },
        scrypt: DEFAULT_SCRYPT,
      })
      const provisionSeconds = seconds(t0)
      await options.beforeLoad?.(server.services.db, members)

      const day: DayOptions = {
        seed: options.seed,
        dayStartMs: yesterdayInChinaMs(new Date()),
        branches: options.branches,
        pushesPerMember: options.pushesPerMember,
      }
      phase('building every push')
      let elu = performance.eventLoopUtilization()
      let cpu = process.cpuUsage()
      let loadBefore = 0
      let started = 0
      let startedAt = ''
      let pushesLoggedBefore = 0
      const report = await runLoad(
        {
          url: server.url,
          members,
          pack: content,
          day,
          concurrency: options.concurrency,
          compress: options.compress ?? 0,
          rampMs: options.rampMs,
          coldConnections: options.coldConnections ?? false,
          timeoutMs: options.timeoutMs,
          deadlineMs: options.deadlineMs,
          progressEveryMs: 10_000,
        },
        {
          onStart: ({ requests, records }) => {
            phase(`pushing ${requests} requests (${records} records), ${options.concurrency} in flight`)
            elu = performance.eventLoopUtilization()
            cpu = process.cpuUsage()
            loadBefore = loadavg()[0] ?? 0
            started = performance.now()
            startedAt = new Date().toISOString()
            pushesLoggedBefore = serverMs.length
          },
          onProgress: (p) => options.onProgress?.({ ...p, seconds: seconds(started) }),
        },
      )
      const serverElu = performance.eventLoopUtilization(elu).utilization
      const used = process.cpuUsage(cpu)
      const loadAfter = loadavg()[0] ?? 0

      phase('verifying the database and a sample of progress')
      await options.beforeVerify?.(server.services.db)
      const t1 = performance.now()
      const verification = await verifyDay({
        db: server.services.db,
        url: server.url,
        pack: content,
        day,
        members,
        progressSample: options.progressSample,
      })
      const verifySeconds = seconds(t1)
      const errorCount = Object.values(report.errors).reduce((a, b) => a + b, 0)
      const r2 = (n: number) => Math.round(n * 100) / 100
      return {
        startedAt,
        db: options.db,
        durability,
        members: options.members,
        branches: options.branches,
        pushesPerMember: options.pushesPerMember,
        concurrency: options.concurrency,
        compress: options.compress ?? 0,
        rampSeconds: options.rampMs / 1000,
        connections: options.coldConnections ? 'opened under load' : 'opened before the clock',
        provisionSeconds,
        load: {
          seconds: r2(report.seconds),
          requests: report.requests,
          records: report.records,
          plannedRequests: report.plannedRequests,
          plannedRecords: report.plannedRecords,
          requestsPerSecond: Math.round(report.requests / report.seconds),
          recordsPerSecond: Math.round(report.records / report.seconds),
          latencyMs: summarise(report.latenciesMs),
          serverHandlingMs: summarise(Float64Array.from(serverMs.slice(pushesLoggedBefore))),
          peakInFlight: report.peakInFlight,
          bytesSentPerRequest: Math.round(report.bytesSent / Math.max(1, report.requests)),
          bytesReceivedPerRequest: Math.round(report.bytesReceived / Math.max(1, report.requests)),
          serverEventLoopUtilization: r2(serverElu),
          clientEventLoopUtilization: r2(report.clientEventLoopUtilization),
          processCpuSeconds: r2((used.user + used.system) / 1e6),
          loadAverage: { before: r2(loadBefore), after: r2(loadAfter) },
        },
        errors: report.errors,
        errorCount,
        errorSamples: report.errorSamples,
        serverLogErrors,
        verification,
        verifySeconds,
        ok:
          errorCount === 0 &&
          serverLogErrors === 0 &&
          Object.keys(verification.problems).length === 0 &&
          verification.rows === verification.expectedRows &&
          report.requests === report.plannedRequests,
      }
    } finally {
      await server.close()
    }
  } finally {
    await new Promise((r) => logFile.end(r))
    await pgDb?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
