/**
 * `npm run bench:spike [-- --members 100000 --db sqlite|postgres|both --concurrency 64]`: a
 * theme day (主题党日) when a whole county checks in on the same day (issue 6, item 3).
 * bench/spike/README.md describes the day, the options and what is verified.
 *
 * Starts the real server on a fresh SQLite file and, when a PostgreSQL URL is configured
 * (HONGTU_SPIKE_PG_URL, HONGTU_TEST_PG_URL or DATABASE_URL: a role that may create databases;
 * a throwaway database is created and dropped), on PostgreSQL too. Provisions the members with a
 * logged-in phone each (bench/spike/provision.ts says why logins are left out), has every phone
 * push its day over loopback, `concurrency` pushes in flight, and verifies the database record by
 * record. Prints throughput, latency percentiles and errors by kind; writes
 * bench/spike-results.json (and a `spike` section of bench/results.json when it exists). Exits
 * non-zero when any request or any check failed. Wall-clock figures: compare runs on the same
 * machine, never gate on them.
 */
import { parseArgs } from 'node:util'
import { writeSpikeResults } from './spike/results.ts'
import { runSpike, type SpikeDb, type SpikeRun } from './spike/run-spike.ts'

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    db: { type: 'string' },
    branches: { type: 'string', default: '500' },
    pushes: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '64' },
    /** 0: as fast as the server answers; N: each push at its time of the day, played N times faster. */
    compress: { type: 'string', default: '0' },
    'ramp-seconds': { type: 'string', default: '10' },
    /** Open each connection when its lane starts, under load (see bench/spike/README.md). */
    'cold-connections': { type: 'boolean', default: false },
    'timeout-seconds': { type: 'string', default: '30' },
    'deadline-minutes': { type: 'string', default: '60' },
    'progress-sample': { type: 'string', default: '500' },
    seed: { type: 'string', default: '20260701' },
    'no-write': { type: 'boolean', default: false },
    /** Diagnostic: also measure with commits that do not wait for the disk (never how the server ships). */
    'relaxed-durability': { type: 'boolean', default: false },
  },
})

const pgAdminUrl =
  process.env.HONGTU_SPIKE_PG_URL || process.env.HONGTU_TEST_PG_URL || process.env.DATABASE_URL
const dbChoice = values.db ?? (pgAdminUrl ? 'both' : 'sqlite')
const dbs: SpikeDb[] =
  dbChoice === 'both'
    ? ['sqlite', 'postgres']
    : dbChoice === 'sqlite' || dbChoice === 'postgres'
      ? [dbChoice]
      : []
if (dbs.length === 0) throw new Error(`--db must be sqlite, postgres or both, not ${dbChoice}`)
if (dbs.includes('postgres') && !pgAdminUrl)
  throw new Error('--db postgres needs HONGTU_SPIKE_PG_URL, HONGTU_TEST_PG_URL or DATABASE_URL')
const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`)
  return n
}
const compress = Number(values.compress)
if (!Number.isFinite(compress) || compress < 0) throw new Error('--compress must be a number ≥ 0')
const rampSeconds = Number(values['ramp-seconds'])
if (!(rampSeconds >= 0)) throw new Error('--ramp-seconds must be a number ≥ 0')
const pushes = int('pushes', values.pushes, 1)
if (pushes !== 1 && pushes !== 2) throw new Error('--pushes must be 1 or 2')

const runs: SpikeRun[] = []
for (const db of dbs) {
  const run = await runSpike({
    db,
    ...(pgAdminUrl ? { pgAdminUrl } : {}),
    members: int('members', values.members, 1),
    branches: int('branches', values.branches, 1),
    pushesPerMember: pushes,
    concurrency: int('concurrency', values.concurrency, 1),
    compress,
    rampMs: rampSeconds * 1000,
    coldConnections: values['cold-connections'],
    timeoutMs: Number(values['timeout-seconds']) * 1000,
    deadlineMs: Number(values['deadline-minutes']) * 60_000,
    progressSample: int('progress-sample', values['progress-sample'], 0),
    seed: int('seed', values.seed, 0),
    durability: values['relaxed-durability'] ? 'relaxed' : 'as-shipped',
    onPhase: (text) => console.log(`[${db}] ${text}`),
    onProgress: (p) =>
      console.log(
        `[${db}] ${p.seconds.toFixed(0)} s: ${p.done}/${p.total} pushes answered, ${p.inFlight} in flight, ${Object.values(p.errors).reduce((a, b) => a + b, 0)} errors`,
      ),
  })
  runs.push(run)
  printRun(run)
}
if (!values['no-write']) console.log(`wrote ${writeSpikeResults(runs).join(', ')}`)
if (runs.some((r) => !r.ok)) {
  console.log('SPIKE FAILED: see the errors and problems above')
  process.exitCode = 1
}

function printRun(r: SpikeRun) {
  const l = r.load
  const lines = [
    `\n${r.db}${r.durability === 'relaxed' ? ' (DIAGNOSTIC: relaxed durability, not as shipped)' : ''}: ${r.members} members in ${r.branches} branches, ${r.pushesPerMember} push(es) each, ${r.concurrency} in flight (ramp ${r.rampSeconds} s, connections ${r.connections})${r.compress > 0 ? `, the day played ${r.compress}× faster` : ', as fast as answered'}`,
    `  provisioning (users + sessions, batched)  ${r.provisionSeconds.toFixed(1)} s`,
    `  load          ${l.seconds.toFixed(1)} s for ${l.requests}/${l.plannedRequests} pushes, ${l.records}/${l.plannedRecords} records`,
    `  throughput    ${l.requestsPerSecond} requests/s, ${l.recordsPerSecond} records/s`,
    `  latency (ms)  p50 ${l.latencyMs.p50}  p95 ${l.latencyMs.p95}  p99 ${l.latencyMs.p99}  max ${l.latencyMs.max}  mean ${l.latencyMs.mean}`,
    `  handler       p50 ${l.serverHandlingMs.p50}  p95 ${l.serverHandlingMs.p95}  p99 ${l.serverHandlingMs.p99}  max ${l.serverHandlingMs.max} (ms, inside the server)`,
    `  busy          server event loop ${(l.serverEventLoopUtilization * 100).toFixed(0)}%, client ${(l.clientEventLoopUtilization * 100).toFixed(0)}%, process CPU ${l.processCpuSeconds.toFixed(0)} s, load average ${l.loadAverage.before} → ${l.loadAverage.after}`,
    `  wire          ${l.bytesSentPerRequest} B up, ${l.bytesReceivedPerRequest} B down per push`,
    `  errors        ${r.errorCount === 0 ? 'none' : JSON.stringify(r.errors)}; server log errors ${r.serverLogErrors}`,
    `  verified      ${r.verification.rows}/${r.verification.expectedRows} rows, ${r.verification.membersWithAllRecords} members complete, ${r.verification.progressChecked} progress answers checked in ${r.verifySeconds.toFixed(1)} s; problems ${Object.keys(r.verification.problems).length === 0 ? 'none' : JSON.stringify(r.verification.problems)}`,
    `  ${r.ok ? 'PASS' : 'FAIL'}`,
  ]
  console.log(lines.join('\n'))
  for (const [kind, list] of Object.entries({ ...r.errorSamples, ...r.verification.problemSamples }))
    for (const example of list.slice(0, 3)) console.log(`  e.g. ${kind}: ${example}`)
}
