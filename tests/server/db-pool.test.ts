/**
 * Why: when PostgreSQL ends an idle pooled connection (a restart, an administrator's
 * pg_terminate_backend, a failover), node-postgres makes the pool emit 'error', and with no
 * listener that was an uncaught exception: the whole server stopped. It must instead drop that
 * connection and answer the next request on a new one.
 */
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { withMember1 } from './driver.ts'
import { serverPerTest } from './harness.ts'

describe.runIf(process.env.HONGTU_TEST_PG_URL)('PostgreSQL connections ended by the server', () => {
  const start = serverPerTest('postgres')

  it('keeps serving after every idle connection of the pool was terminated', async () => {
    const { server, device, memberId } = await withMember1(await start())
    expect((await device.push([device.record(memberId, 'reflection', { text: '之前' })])).status).toBe(200)

    const url = server.services.config.databaseUrl as string
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const ended = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'`,
      )
      expect(ended.rowCount).toBeGreaterThan(0)
    } finally {
      await admin.end()
    }
    // Let the pool receive the termination notices.
    await new Promise((r) => setTimeout(r, 300))

    const after = await device.push([device.record(memberId, 'reflection', { text: '之后' })])
    expect(after.status).toBe(200)
    expect(after.body.results[0].result).toBe('created')
    expect((await device.pull()).body.records).toHaveLength(2)
  })
})
