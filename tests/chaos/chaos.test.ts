import { describe, expect, it } from 'vitest'
import { DATABASES } from '../server/harness.ts'
import { runChaos } from './chaos-sim.ts'

/**
 * The short chaos run for the test suite (fault row 24); `npm run chaos` runs the long one.
 * A failure names the seed; `npm run chaos -- --seed N --steps 300 --db …` replays it.
 */
const SEEDS = [101, 202]
const STEPS = 300

describe.each(DATABASES)('chaos on %s', (db) => {
  it.each(SEEDS)(
    'seed %i: the server holds every record once, devices agree, outboxes empty',
    async (seed) => {
      const r = await runChaos({ seed, steps: STEPS, db })
      const replay = `npm run chaos -- --seed ${seed} --steps ${STEPS} --db ${db}`
      expect(r.problems, `${replay}\nlast steps: ${r.trace.slice(-15).join(' | ')}`).toEqual([])
      // The run must actually have met the faults it claims to survive.
      expect(r.counts.records).toBeGreaterThan(50)
      expect(r.counts.drops + r.counts.kills + r.counts.serverRestarts).toBeGreaterThan(0)
    },
  )

  it('a seed replays: the same records and the same faults', async () => {
    const [a, b] = [await runChaos({ seed: 7, steps: 150, db }), await runChaos({ seed: 7, steps: 150, db })]
    expect(a.problems).toEqual([])
    expect(b.fingerprint).toBe(a.fingerprint)
    expect(b.counts).toEqual(a.counts)
  })
})
