/**
 * Why: on a theme day (主题党日) a whole county checks in on the same day, and every phone's
 * check-in, quiz and lesson completion must land exactly once (issue 6, item 3). This is the
 * short version of `npm run bench:spike`, through the same code (bench/spike/): the real server
 * on real HTTP, every push authenticated by its member's own session, 1,000 members with two
 * pushes each, then the database checked record by record and a sample of progress answers
 * compared with the projection of each member's day. It asserts counts and zero errors, never
 * time. The second test breaks things on purpose, so the spike is known to see what it checks.
 */
import { describe, expect, it } from 'vitest'
import { runSpike, type SpikeOptions } from '../../bench/spike/run-spike.ts'
import { DATABASES } from './harness.ts'

const base = (db: (typeof DATABASES)[number]): SpikeOptions => ({
  db,
  ...(process.env.HONGTU_TEST_PG_URL ? { pgAdminUrl: process.env.HONGTU_TEST_PG_URL } : {}),
  // 32 lanes at once either way; 1,000 members (was 2,000) halves the suite's longest file. The
  // bench runs the day at 100,000.
  members: 1000,
  branches: 50,
  pushesPerMember: 2,
  concurrency: 32,
  rampMs: 500,
  // Correctness only: on a busy shared machine a push may wait long, and that is not a failure here.
  timeoutMs: 300_000,
  deadlineMs: 900_000,
  progressSample: 100,
  seed: 7,
})

describe.each(DATABASES)('theme-day spike on %s', (db) => {
  it('1,000 members push their day: every record created once, stored as sent, progress right', async () => {
    const run = await runSpike(base(db))
    expect(run.errors).toEqual({})
    expect(run.serverLogErrors).toBe(0)
    expect(run.load.requests).toBe(2000)
    expect(run.load.records).toBe(3000)
    expect(run.verification.problems).toEqual({})
    expect(run.verification.rows).toBe(3000)
    expect(run.verification.membersWithAllRecords).toBe(1000)
    expect(run.verification.progressChecked).toBe(100)
    expect(run.ok).toBe(true)
  }, 900_000)

  it('sees a refused session and a lost or altered record', async () => {
    const run = await runSpike({
      ...base(db),
      members: 60,
      progressSample: 60,
      // Member 5's phone was logged out on the server: both its pushes must come back 401.
      beforeLoad: async (database, members) => {
        await database
          .updateTable('sessions')
          .set({ revoked_at: new Date().toISOString() })
          .where('user_id', '=', members[5]?.id as string)
          .execute()
      },
      // One record of another member vanishes, and one gains a flag.
      beforeVerify: async (database) => {
        const rows = await database
          .selectFrom('records')
          .select(['server_seq'])
          .orderBy('server_seq')
          .limit(2)
          .execute()
        await database
          .deleteFrom('records')
          .where('server_seq', '=', rows[0]?.server_seq as number)
          .execute()
        await database
          .updateTable('records')
          .set({ flags: '["impossible-travel"]' })
          .where('server_seq', '=', rows[1]?.server_seq as number)
          .execute()
      },
    })
    expect(run.errors).toEqual({ 'http-401-unauthenticated': 2 })
    expect(run.verification.rows).toBe(60 * 3 - 3 - 1)
    expect(run.verification.problems).toEqual({
      'db-record-missing': 3 + 1,
      'db-record-count': 2,
      'db-flags': 1,
      'progress-http-401': 1,
      'progress-mismatch': 1,
    })
    expect(run.ok).toBe(false)
  }, 900_000)
})
