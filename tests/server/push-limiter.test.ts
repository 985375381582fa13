/**
 * Why: the per-member push limit (P19) keeps its counts in memory and forgets idle members. The
 * forgetting scanned every member on every push once more than 10,000 had pushed in a minute, a
 * theme day's normal state (bench/spike/README.md); now it runs at most once a minute. The
 * limit itself must not change: at most N pushes in any sliding minute, per member.
 */
import { describe, expect, it } from 'vitest'
import { PushLimiter } from '../../server/sync/push-limiter.ts'

describe('push limiter', () => {
  it('allows N pushes in a sliding minute per member, then says how long to wait', () => {
    const limiter = new PushLimiter(3)
    const t0 = 1_000_000
    expect([0, 10_000, 20_000].map((dt) => limiter.take('a', t0 + dt))).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(limiter.take('a', t0 + 30_000)).toBe(30)
    expect(limiter.take('b', t0 + 30_000)).toBeUndefined()
    expect(limiter.take('a', t0 + 60_001)).toBeUndefined()
  })

  it('forgets idle members at most once a minute, however many push', () => {
    const limiter = new PushLimiter(10)
    const t0 = 5_000_000
    for (let i = 0; i < 10_000; i++) limiter.take(`early-${i}`, t0)
    // Past the bound: a sweep runs, but nobody has been idle for a minute yet.
    limiter.take('x', t0 + 30_000)
    expect(limiter.size).toBe(10_001)
    // The early ones are idle now, but the last sweep was 30 s ago: no scan on this push.
    limiter.take('y', t0 + 60_001)
    expect(limiter.size).toBe(10_002)
    // A minute after the last sweep, the next push sweeps everyone idle for a minute.
    limiter.take('z', t0 + 90_000)
    expect(limiter.size).toBe(2)
    // Forgotten members start again with a full allowance.
    expect(limiter.take('early-0', t0 + 90_000)).toBeUndefined()
  })
})
