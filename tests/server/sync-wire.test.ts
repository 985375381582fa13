/**
 * Why: the outbox sends its batches gzip-compressed and asks for the minimal answer (results by
 * position, no ids; see src/platform/sync/push-answer.ts), to stay near 40 bytes a record on
 * a weak uplink. The server must inflate safely (a small body must not unpack into a large one),
 * refuse encodings it does not know with a 415 the device understands, answer the minimal shape
 * only when asked, with the batch it answers, and compress its JSON answers.
 */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PUSH_MAX_BYTES } from '../../server/sync/routes.ts'
import { withMember1 } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

describe.each(DATABASES)('the sync wire on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  const start = async () => withMember1(await startServer())

  const rows = async (s: TestServer, memberId: string) =>
    Number(
      (
        await s.services.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('member_id', '=', memberId)
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('stores a gzip body and answers by position when asked for the minimal answer', async () => {
    const { server, device, memberId } = await start()
    const good = device.checkin(memberId, 'zaoyuan')
    const bad = device.record(memberId, 'reflection', { text: 42 })
    const records = [good, bad, good]
    const r = await device.request('POST', '/api/sync/push', {
      bytes: new Uint8Array(gzipSync(JSON.stringify({ records }))),
      headers: { 'content-encoding': 'gzip', prefer: 'return=minimal' },
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('preference-applied')).toBe('return=minimal')
    expect(r.headers.get('content-encoding')).toBe('gzip')
    expect(r.body.batch).toEqual({ count: 3, first: good.id, last: good.id })
    expect(r.body.results).toEqual([
      'created',
      { result: 'invalid', error: expect.objectContaining({ code: 'invalid', path: 'payload.text' }) },
      'duplicate',
    ])
    expect(typeof r.body.serverTime).toBe('string')
    expect(await rows(server, memberId)).toBe(1)
  })

  it('answers the minimal shape uncompressed to a client that does not accept gzip', async () => {
    const { device, memberId } = await start()
    const record = device.checkin(memberId, 'zaoyuan')
    const r = await device.request('POST', '/api/sync/push', {
      json: { records: [record] },
      headers: { prefer: 'return=minimal', 'accept-encoding': 'identity' },
    })
    expect(r.headers.get('content-encoding')).toBeNull()
    expect(r.headers.get('content-type')).toContain('application/json')
    expect(r.body.results).toEqual(['created'])
  })

  it('answers the full shape with ids when the minimal one is not asked for', async () => {
    const { device, memberId } = await start()
    const record = device.checkin(memberId, 'zaoyuan')
    const r = await device.push([record])
    expect(r.headers.get('preference-applied')).toBeNull()
    expect(r.body.results).toEqual([expect.objectContaining({ id: record.id, result: 'created' })])
  })

  it('refuses a body that inflates past the limit (413), stores nothing', async () => {
    const { server, device, memberId } = await start()
    const record = device.record(memberId, 'reflection', { text: '长'.repeat(100) })
    // Compresses to a few kB, inflates to more than the push limit.
    const padded = JSON.stringify({ records: [record], pad: ' '.repeat(PUSH_MAX_BYTES) })
    const bomb = new Uint8Array(gzipSync(padded))
    expect(bomb.byteLength).toBeLessThan(PUSH_MAX_BYTES / 10)
    const r = await device.request('POST', '/api/sync/push', {
      bytes: bomb,
      headers: { 'content-encoding': 'gzip' },
    })
    expect(r.status).toBe(413)
    expect(r.body.error.code).toBe('too_large')
    expect(await rows(server, memberId)).toBe(0)
  })

  it('says 415 for an encoding it does not know, and 400 for a body that is not gzip', async () => {
    const { device, memberId } = await start()
    const json = JSON.stringify({ records: [device.checkin(memberId, 'zaoyuan')] })
    const br = await device.request('POST', '/api/sync/push', {
      raw: json,
      headers: { 'content-encoding': 'br' },
    })
    expect(br.status).toBe(415)
    expect(br.body.error.code).toBe('unsupported_media_type')
    const notGzip = await device.request('POST', '/api/sync/push', {
      raw: json,
      headers: { 'content-encoding': 'gzip' },
    })
    expect(notGzip.status).toBe(400)
    expect(notGzip.body.error.code).toBe('unparseable')
  })

  it('compresses JSON answers for clients that accept gzip', async () => {
    const { device, memberId } = await start()
    const records = Array.from({ length: 20 }, () => device.checkin(memberId, 'zaoyuan'))
    expect((await device.push(records)).status).toBe(200)
    // fetch asks for gzip and inflates transparently; the header says what went over the wire.
    const r = await device.pull()
    expect(r.status).toBe(200)
    expect(r.headers.get('content-encoding')).toBe('gzip')
    expect(r.body.records).toHaveLength(20)
  })
})
