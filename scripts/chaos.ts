import { parseArgs } from 'node:util'
import { type ChaosResult, runChaos } from '../tests/chaos/chaos-sim.ts'
import type { DbKind } from '../tests/server/harness.ts'

/**
 * npm run chaos -- [--seeds 20] [--steps 1000] [--seed N] [--db sqlite|postgres|both]
 *
 * Runs the seeded chaos simulation (tests/chaos/chaos-sim.ts) against the real server. Seeds
 * are 1..seeds unless --seed names one; a failing seed is printed with the command that
 * replays exactly that run. PostgreSQL needs HONGTU_TEST_PG_URL (see .ci/run).
 */
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' },
    steps: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
  },
})

const steps = Number(values.steps)
const seeds = values.seed !== undefined ? [Number(values.seed)] : range(Number(values.seeds))
const dbs: DbKind[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as DbKind]
if (!Number.isInteger(steps) || steps < 1 || seeds.some((s) => !Number.isInteger(s)))
  fail('--steps, --seeds and --seed take whole numbers')
if (dbs.some((d) => d !== 'sqlite' && d !== 'postgres')) fail('--db is sqlite, postgres or both')
if (dbs.includes('postgres') && !process.env.HONGTU_TEST_PG_URL)
  fail('PostgreSQL needs HONGTU_TEST_PG_URL, e.g. postgres://hongtu:hongtu@127.0.0.1:5432/hongtu')

let failed = 0
for (const db of dbs) {
  const times: number[] = []
  for (const seed of seeds) {
    let r: ChaosResult
    try {
      r = await runChaos({ seed, steps, db })
    } catch (e) {
      failed += 1
      console.log(`FAIL ${db} seed ${seed}: the run could not start: ${(e as Error).message}`)
      continue
    }
    times.push(r.ms)
    const c = r.counts
    const figures =
      `records ${c.records}, devices ${c.devices}, members ${c.members}, kills ${c.kills}, ` +
      `restarts ${c.restarts}, server restarts ${c.serverRestarts}, drops ${c.drops}, offline ${c.offline}, ` +
      `skews ${c.skews}, same-record pushes ${c.duplicatePushes}, pulls ${c.pulls}; fingerprint ${r.fingerprint}`
    console.log(
      `${r.ok ? 'OK  ' : 'FAIL'} ${db} seed ${seed} (${steps} steps, ${(r.ms / 1000).toFixed(1)} s): ${figures}`,
    )
    if (!r.ok) {
      failed += 1
      for (const p of r.problems.slice(0, 20)) console.log(`     ${p}`)
      if (r.problems.length > 20) console.log(`     … and ${r.problems.length - 20} more`)
      console.log(`     last steps: ${r.trace.slice(-15).join(' | ')}`)
      console.log(`     replay: npm run chaos -- --seed ${seed} --steps ${steps} --db ${db}`)
    }
  }
  if (times.length > 0)
    console.log(
      `${db}: ${times.length} seed(s), mean ${(times.reduce((a, b) => a + b, 0) / times.length / 1000).toFixed(1)} s per seed`,
    )
}
console.log(failed === 0 ? 'chaos: all seeds OK' : `chaos: ${failed} failing run(s)`)
process.exit(failed === 0 ? 0 : 1)

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1)
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
