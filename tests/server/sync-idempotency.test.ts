/**
 * Why: the device deletes an outbox item as soon as the server answers created, duplicate or
 * held for it, so every such answer must mean "durably stored, exactly once", whatever the
 * network did: a lost response after the commit (fault row 6), a connection dropped mid-way
 * through 300 records (row 22), ten identical pushes racing (row 13), a record edited after a
 * lost ack (row 11), a record an admin deleted coming back (row 12), and a batch with one bad
 * record in the middle (row 8). Each test drives the real server over sockets and then counts
 * rows in the database itself, on SQLite and (with HONGTU_TEST_PG_URL) on PostgreSQL.
 */
import { describe, expect, it } from 'vitest'
import type { TestFaults } from '../../server/context.ts'
import { Device, withMember1 } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

describe.each(DATABASES)('sync idempotency on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  const start = async (faults?: TestFaults) => withMember1(await startServer(faults ? { faults } : {}))

  const rowCount = async (s: TestServer, memberId: string) => {
    const r = await s.services.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  it('row 6: the commit survives a connection lost before the answer; the retry is a duplicate', async () => {
    let dropNext = true
    const { server, device, memberId } = await start({
      afterPushCommit: (c) => {
        if (!dropNext) return
        dropNext = false
        c.env.incoming?.socket.destroy()
      },
    })
    const record = device.checkin(memberId, 'zaoyuan')
    await expect(device.push([record])).rejects.toThrow()
    expect(await rowCount(server, memberId)).toBe(1)
    const retry = await device.push([record])
    expect(retry.status).toBe(200)
    expect(retry.body.results).toEqual([
      expect.objectContaining({ id: record.id, result: 'duplicate', serverSeq: expect.any(Number) }),
    ])
    expect(await rowCount(server, memberId)).toBe(1)
  })

  it('row 22: a connection dropped after batch 2 of 3 resumes with no duplicates and no losses', async () => {
    let pushes = 0
    const { server, device, memberId } = await start({
      afterPushCommit: (c) => {
        pushes += 1
        if (pushes === 2) c.env.incoming?.socket.destroy()
      },
    })
    const records = Array.from({ length: 300 }, (_, i) =>
      device.record(memberId, 'reflection', { text: `第${i + 1}条心得：实事求是，群众路线。` }),
    )
    const outbox = [...records]
    let failures = 0
    // The client's loop: send the first 100 still queued; drop only what was acknowledged.
    while (outbox.length > 0) {
      const batch = outbox.slice(0, 100)
      try {
        const r = await device.push(batch)
        expect(r.status).toBe(200)
        const acked = new Set(
          r.body.results
            .filter((x: { result: string }) => ['created', 'duplicate', 'held'].includes(x.result))
            .map((x: { id: string }) => x.id),
        )
        outbox.splice(0, outbox.length, ...outbox.filter((x) => !acked.has(x.id)))
      } catch {
        failures += 1
        if (failures > 3) throw new Error('the server never recovered')
      }
    }
    expect(failures).toBe(1)
    expect(await rowCount(server, memberId)).toBe(300)
    const ids = await server.services.db
      .selectFrom('records')
      .select('id')
      .where('member_id', '=', memberId)
      .execute()
    expect(new Set(ids.map((r) => r.id))).toEqual(new Set(records.map((r) => r.id)))
  })

  it('row 13: ten concurrent identical pushes make one row and all answer the same serverSeq', async () => {
    const { server, device, memberId } = await start()
    const record = device.checkin(memberId, 'yangjialing')
    const replies = await Promise.all(Array.from({ length: 10 }, () => device.push([record])))
    const results = replies.map((r) => {
      expect(r.status).toBe(200)
      return r.body.results[0]
    })
    expect(results.filter((r) => r.result === 'created')).toHaveLength(1)
    expect(results.every((r) => r.result === 'created' || r.result === 'duplicate')).toBe(true)
    expect(new Set(results.map((r) => r.serverSeq)).size).toBe(1)
    expect(await rowCount(server, memberId)).toBe(1)
  })

  it('row 13 across devices: the same member pushing one batch from two sessions at once', async () => {
    const { server, device, memberId } = await start()
    const other = new Device(server)
    await other.loginAs('member1')
    const batch = Array.from({ length: 20 }, (_, i) =>
      device.record(memberId, 'reflection', { text: `心得${i}` }),
    )
    const [a, b] = await Promise.all([device.push(batch), other.push([...batch].reverse())])
    const seqOf = (r: typeof a) =>
      new Map(r.body.results.map((x: { id: string; serverSeq: number }) => [x.id, x.serverSeq]))
    expect(seqOf(a)).toEqual(seqOf(b))
    expect(await rowCount(server, memberId)).toBe(20)
  })

  it('row 11: the same id with other content is a conflict and the stored record is unchanged', async () => {
    const { server, device, memberId } = await start()
    const original = device.record(memberId, 'reflection', { text: '为人民服务' })
    const first = await device.push([original])
    expect(first.body.results[0]).toMatchObject({ result: 'created' })
    const edited = { ...original, payload: { text: '为人民服务（修改后）' } }
    const second = await device.push([edited])
    expect(second.body.results[0]).toMatchObject({
      id: original.id,
      result: 'conflict',
      serverSeq: first.body.results[0].serverSeq,
      error: { code: 'conflict', path: 'id' },
    })
    const row = await server.services.db
      .selectFrom('records')
      .select('payload')
      .where('id', '=', original.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(row.payload)).toEqual({ text: '为人民服务' })
  })

  it('row 12: a record an admin deleted answers `deleted` when resent and is not resurrected', async () => {
    const { server, device, memberId } = await start()
    const record = device.checkin(memberId, 'baotashan')
    expect((await device.push([record])).body.results[0].result).toBe('created')
    const admin = new Device(server)
    await admin.loginAs('admin')
    const del = await admin.request('DELETE', `/api/admin/members/${memberId}/records/${record.id}`)
    expect(del.status).toBe(204)
    const again = await device.push([record])
    expect(again.body.results[0]).toMatchObject({ result: 'deleted', error: { code: 'deleted' } })
    const pulled = await device.pull()
    expect(pulled.body.records).toEqual([])
    const progress = await device.request('GET', '/api/me/progress')
    expect(progress.body.stamps).toEqual([])
  })

  it('row 8: a bad record in the middle of a batch does not stop the others', async () => {
    const { server, device, memberId } = await start()
    const good = [0, 1, 2, 3].map((i) => device.record(memberId, 'reflection', { text: `心得${i}` }))
    const bad = { ...device.record(memberId, 'reflection', { text: '' }) }
    const batch = [good[0], good[1], bad, good[2], good[3]]
    const r = await device.push(batch)
    expect(r.status).toBe(200)
    expect(r.body.results.map((x: { result: string }) => x.result)).toEqual([
      'created',
      'created',
      'invalid',
      'created',
      'created',
    ])
    expect(r.body.results[2]).toMatchObject({
      index: 2,
      id: bad.id,
      error: { code: 'invalid', path: 'payload.text' },
    })
    expect(await rowCount(server, memberId)).toBe(4)
  })

  it('a record repeated inside one batch is stored once; a changed repeat is a conflict', async () => {
    const { server, device, memberId } = await start()
    const r1 = device.record(memberId, 'reflection', { text: '一' })
    const r = await device.push([r1, r1, { ...r1, payload: { text: '二' } }])
    expect(r.body.results.map((x: { result: string }) => x.result)).toEqual([
      'created',
      'duplicate',
      'conflict',
    ])
    expect(new Set(r.body.results.map((x: { serverSeq: number }) => x.serverSeq)).size).toBe(1)
    expect(await rowCount(server, memberId)).toBe(1)
  })

  it('a batch of 101 records is refused whole with the field path; 100 are fine', async () => {
    const { device, memberId } = await start()
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => device.record(memberId, 'reflection', { text: `${i}` }))
    const over = await device.push(make(101))
    expect(over.status).toBe(400)
    expect(over.body.error).toMatchObject({ code: 'invalid', path: 'records' })
    const ok = await device.push(make(100))
    expect(ok.status).toBe(200)
    expect(ok.body.results).toHaveLength(100)
  })
})
