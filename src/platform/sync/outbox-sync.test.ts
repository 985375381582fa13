import { gunzipSync } from 'node:zlib'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { beforeAll, describe, expect, it } from 'vitest'
import { RecordLog } from '../storage/record-log.ts'
import { OutboxSync, type SyncState } from './outbox-sync.ts'

/**
 * The client half of the fault matrix (rows 4, 5, 7, 8, 9, 21, 22): the outbox loop against a
 * scripted server at the network edge, with a real IndexedDB implementation underneath and the
 * timers stepped by hand. The same loop runs against the real server in tests/server.
 */

beforeAll(() => {
  globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange
})

const MEMBER = 'm1'
type Answer = (records: { id: string }[], headers: Record<string, string>) => Response | Promise<Response>

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const ackAll = (records: { id: string }[], _headers?: Record<string, string>) =>
  json({
    results: records.map((r, index) => ({
      index,
      id: r.id,
      result: 'created',
      serverSeq: index + 1,
      flags: [],
    })),
    serverTime: new Date().toISOString(),
  })

async function setup(count: number, options: { now?: () => number } = {}) {
  const log = await RecordLog.open({
    factory: new IDBFactory(),
    clock: { now: options.now ?? (() => Date.now()) },
  })
  for (let i = 0; i < count; i++)
    await log.append('reflection', { text: `第 ${i} 条` }, { memberId: MEMBER, contentVersion: 'c' })
  const calls: { records: { id: string }[]; headers: Record<string, string> }[] = []
  let answer: Answer = ackAll
  const timers: { fn: () => void; ms: number }[] = []
  const states: SyncState[] = []
  const sync = new OutboxSync({
    log,
    memberId: MEMBER,
    fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const headers = init?.headers as Record<string, string>
      const raw = init?.body
      const text =
        headers['content-encoding'] === 'gzip' ? gunzipSync(raw as Uint8Array).toString('utf8') : String(raw)
      const body = JSON.parse(text) as { records: { id: string }[] }
      calls.push({ ...body, headers })
      return answer(body.records, headers)
    }) as typeof fetch,
    random: () => 0.5,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    onState: (s) => states.push(s),
  })
  return {
    log,
    sync,
    calls,
    timers,
    states,
    answer: (a: Answer) => {
      answer = a
    },
    pending: async () => (await log.outbox(MEMBER)).filter((e) => e.state === 'pending').length,
    /** Fires the next scheduled retry and waits for it to finish. */
    async fireRetry() {
      const t = timers.shift()
      if (!t) throw new Error('no retry scheduled')
      t.fn()
      await sync.settled()
    },
  }
}

/** The server's minimal answer (Prefer: return=minimal) for `records`, each result given. */
const minimal = (records: { id: string }[], results: unknown[], batch = records) =>
  json(
    {
      batch: { count: batch.length, first: batch[0]?.id ?? null, last: batch.at(-1)?.id ?? null },
      results,
      serverTime: new Date().toISOString(),
    },
    200,
    { 'preference-applied': 'return=minimal' },
  )

describe('OutboxSync', () => {
  it('sends everything in batches of at most 100 and empties the outbox on acks', async () => {
    const t = await setup(250)
    await t.sync.kick()
    expect(t.calls.map((c) => c.records.length)).toEqual([100, 100, 50])
    expect(await t.pending()).toBe(0)
    expect(t.sync.current.kind).toBe('idle')
    expect((await t.log.records(MEMBER)).length).toBe(250)
  })

  it('keeps items on a 500 or 503 and retries on the 1, 2, 4 … s schedule', async () => {
    const t = await setup(3)
    t.answer(() => json({ error: { code: 'unavailable' } }, 503))
    await t.sync.kick()
    expect(await t.pending()).toBe(3)
    expect(t.timers.map((x) => x.ms)).toEqual([1000])
    await t.fireRetry()
    await t.fireRetry()
    expect(t.timers.map((x) => x.ms)).toEqual([4000])
    t.answer(ackAll)
    await t.fireRetry()
    expect(await t.pending()).toBe(0)
  })

  it('treats a captive portal’s 200 HTML page as no answer (row 5)', async () => {
    const t = await setup(2)
    t.answer(
      () =>
        new Response('<html>请登录 Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    )
    await t.sync.kick()
    expect(await t.pending()).toBe(2)
    expect(t.sync.current).toMatchObject({ kind: 'retrying', reason: 'not-json' })
  })

  it('treats a bare 200 and an answer naming other ids as no ack', async () => {
    const t = await setup(2)
    t.answer(() => json({ ok: true }))
    await t.sync.kick()
    expect(await t.pending()).toBe(2)
    t.answer((records) =>
      json({ results: records.map((_, index) => ({ index, id: `other-${index}`, result: 'created' })) }),
    )
    await t.fireRetry()
    expect(await t.pending()).toBe(2)
  })

  it('times out a hanging server and retries (row 7)', async () => {
    const t = await setup(1)
    const hanging = new OutboxSync({
      log: t.log,
      memberId: MEMBER,
      timeoutMs: 20,
      fetch: ((_: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        })) as typeof fetch,
      setTimer: () => 0,
      clearTimer: () => {},
    })
    await hanging.kick()
    expect(hanging.current).toMatchObject({ kind: 'retrying', reason: 'timeout' })
    expect(await t.pending()).toBe(1)
  })

  it('on a partial batch removes the acked, parks the refused, and sends the rest next in order (row 8)', async () => {
    const t = await setup(5)
    const ids = (await t.log.pending(MEMBER)).map((p) => p.recordId)
    let call = 0
    t.answer((records) => {
      call += 1
      if (call > 1) return ackAll(records)
      // Items 1–2 accepted, 3 invalid, 4–5 not answered (the server stopped short).
      return json({
        results: [
          { index: 0, id: records[0]?.id, result: 'created', serverSeq: 1, flags: [] },
          { index: 1, id: records[1]?.id, result: 'duplicate', serverSeq: 2, flags: [] },
          {
            index: 2,
            id: records[2]?.id,
            result: 'invalid',
            error: { code: 'invalid', message: 'x', path: 'payload.text' },
          },
        ],
      })
    })
    await t.sync.kick()
    expect(t.calls.map((c) => c.records.map((r) => r.id))).toEqual([ids, [ids[3], ids[4]]])
    const outbox = await t.log.outbox(MEMBER)
    expect(outbox).toEqual([
      expect.objectContaining({ recordId: ids[2], state: 'parked', reason: 'invalid:invalid:payload.text' }),
    ])
    // The parked item is never sent again on its own; the member sees it.
    await t.sync.kick()
    expect(t.calls).toHaveLength(2)
  })

  it('stops on 401 without retrying, keeps the items, and resumes after login (row 9)', async () => {
    const t = await setup(2)
    t.answer(() => json({ error: { code: 'unauthenticated' } }, 401))
    await t.sync.kick()
    expect(t.sync.current.kind).toBe('auth-required')
    expect(t.timers).toHaveLength(0)
    await t.sync.kick()
    expect(t.calls).toHaveLength(1)
    t.answer(ackAll)
    await t.sync.resume()
    expect(await t.pending()).toBe(0)
  })

  it('stays stopped when the session is found ended while a pass is still reading the outbox', async () => {
    const t = await setup(0)
    // The start-up check answers 401 before the loop's first look at the (empty) outbox ends.
    const pass = t.sync.kick()
    t.sync.requireAuth()
    await pass
    expect(t.sync.current.kind).toBe('auth-required')
    expect(t.states.at(-1)?.kind).toBe('auth-required')
    await t.sync.kick()
    expect(t.sync.current.kind).toBe('auth-required')
  })

  it('still sends an item 10 days old: nothing expires (row 21)', async () => {
    const tenDaysAgo = Date.now() - 10 * 24 * 3_600_000
    const t = await setup(1, { now: () => tenDaysAgo })
    await t.sync.kick()
    expect(t.calls).toHaveLength(1)
    expect(await t.pending()).toBe(0)
  })

  it('resumes after the connection drops mid-way through 300 items, without losing or repeating (row 22)', async () => {
    const t = await setup(300)
    let batches = 0
    t.answer((records) => {
      batches += 1
      if (batches === 2) throw new TypeError('connection reset')
      return ackAll(records)
    })
    await t.sync.kick()
    expect(await t.pending()).toBe(200)
    await t.fireRetry()
    expect(await t.pending()).toBe(0)
    const sentIds = t.calls.flatMap((c) => c.records.map((r) => r.id))
    // Batch 2 was sent, lost, and sent again; nothing else twice, nothing missing.
    expect(new Set(sentIds).size).toBe(300)
    expect(sentIds.length).toBe(400)
  })

  it('halves the batch when the server says it is too large', async () => {
    const t = await setup(10)
    t.answer((records) =>
      records.length > 5 ? json({ error: { code: 'too_large' } }, 413) : ackAll(records),
    )
    await t.sync.kick()
    expect(t.calls.map((c) => c.records.length)).toEqual([10, 5, 5])
    expect(await t.pending()).toBe(0)
  })

  it('on a slow uplink sends smaller batches after a timeout instead of the same one for ever', async () => {
    const t = await setup(40)
    // An uplink whose upload time grows with the batch: 10 ms a record, against a 300 ms timeout.
    const sizes: number[] = []
    const slow = new OutboxSync({
      log: t.log,
      memberId: MEMBER,
      timeoutMs: 300,
      fetch: (async (_: unknown, init?: RequestInit) => {
        const body = JSON.parse(gunzipSync(init?.body as Uint8Array).toString('utf8')) as {
          records: { id: string }[]
        }
        sizes.push(body.records.length)
        await new Promise<void>((resolve, reject) => {
          const done = setTimeout(resolve, body.records.length * 10)
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(done)
            reject(new DOMException('aborted', 'AbortError'))
          })
        })
        return ackAll(body.records)
      }) as typeof fetch,
      random: () => 0.5,
      setTimer: (fn) => t.timers.push({ fn, ms: 0 }),
      clearTimer: () => {},
    })
    await slow.kick()
    expect(slow.current).toMatchObject({ kind: 'retrying', reason: 'timeout' })
    const retry = t.timers.shift()
    retry?.fn()
    await slow.settled()
    expect(sizes).toEqual([40, 20, 20])
    expect(await t.pending()).toBe(0)
  })

  it('sends nothing while the device knows it is offline, and everything once it is back', async () => {
    const t = await setup(3)
    let offline = true
    const sync = new OutboxSync({
      log: t.log,
      memberId: MEMBER,
      knownOffline: () => offline,
      fetch: (async (_: unknown, init?: RequestInit) => {
        const body = JSON.parse(gunzipSync(init?.body as Uint8Array).toString('utf8')) as {
          records: { id: string }[]
        }
        t.calls.push({ records: body.records, headers: {} })
        return ackAll(body.records)
      }) as typeof fetch,
      random: () => 0.5,
      setTimer: (fn, ms) => t.timers.push({ fn, ms }),
      clearTimer: () => {},
    })
    await sync.kick()
    expect(sync.current).toMatchObject({ kind: 'retrying', reason: 'network' })
    expect(t.calls).toHaveLength(0)
    offline = false
    await sync.kick()
    expect(t.calls.map((c) => c.records.length)).toEqual([3])
    expect(await t.pending()).toBe(0)
  })

  it('honours Retry-After on 429', async () => {
    const t = await setup(1)
    t.answer(() => json({ error: { code: 'rate_limited' } }, 429, { 'retry-after': '30' }))
    await t.sync.kick()
    expect(t.timers[0]?.ms).toBe(30_000)
  })

  it('sends gzip-compressed JSON and asks for the minimal answer', async () => {
    const t = await setup(3)
    t.answer((records) =>
      minimal(
        records,
        records.map(() => 'created'),
      ),
    )
    await t.sync.kick()
    expect(t.calls[0]?.headers).toMatchObject({ 'content-encoding': 'gzip', prefer: 'return=minimal' })
    expect(await t.pending()).toBe(0)
  })

  it('reads a minimal answer by position: acks, parks and leaves unanswered ones for the next pass', async () => {
    const t = await setup(4)
    const ids = (await t.log.pending(MEMBER)).map((p) => p.recordId)
    let call = 0
    t.answer((records) => {
      call += 1
      if (call > 1)
        return minimal(
          records,
          records.map(() => 'duplicate'),
        )
      return minimal(records, [
        'created',
        { result: 'conflict', error: { code: 'conflict', message: 'x', path: 'id' } },
        null,
        'held',
      ])
    })
    await t.sync.kick()
    expect(t.calls.map((c) => c.records.map((r) => r.id))).toEqual([ids, [ids[2]]])
    expect(await t.log.outbox(MEMBER)).toEqual([
      expect.objectContaining({ recordId: ids[1], state: 'parked', reason: 'conflict:conflict:id' }),
    ])
  })

  it('settles nothing from a minimal answer about another batch', async () => {
    const t = await setup(3)
    t.answer((records) =>
      minimal(
        records,
        records.map(() => 'created'),
        [{ id: 'someone-else' }, ...records.slice(1)],
      ),
    )
    await t.sync.kick()
    expect(await t.pending()).toBe(3)
    expect(t.sync.current).toMatchObject({ kind: 'retrying', reason: 'not-json' })
  })

  it('sends plain JSON again at once when the server refuses gzip (415)', async () => {
    const t = await setup(2)
    t.answer((records, headers) =>
      headers['content-encoding'] === 'gzip'
        ? json({ error: { code: 'unsupported_media_type' } }, 415)
        : ackAll(records, headers),
    )
    await t.sync.kick()
    expect(t.calls.map((c) => c.headers['content-encoding'] ?? 'identity')).toEqual(['gzip', 'identity'])
    expect(await t.pending()).toBe(0)
  })

  it('reads the next batch while one is on the wire, and picks up records saved meanwhile', async () => {
    const t = await setup(150)
    let appended = false
    t.answer(async (records) => {
      if (!appended) {
        appended = true
        await t.log.append('reflection', { text: '同步时写的' }, { memberId: MEMBER, contentVersion: 'c' })
      }
      return ackAll(records, {})
    })
    await t.sync.kick()
    // The second batch was read while the first was on the wire, before the new record existed;
    // the new record follows it, sent once.
    expect(t.calls.map((c) => c.records.length)).toEqual([100, 50, 1])
    expect(new Set(t.calls.flatMap((c) => c.records.map((r) => r.id))).size).toBe(151)
    expect(await t.pending()).toBe(0)
  })

  it('keeps the records when writing the answers fails, and sends them again', async () => {
    const t = await setup(3)
    const settle = t.log.settle.bind(t.log)
    let failures = 1
    t.log.settle = async (...args) => {
      if (failures-- > 0) throw new DOMException('disk gone', 'UnknownError')
      return settle(...args)
    }
    await t.sync.kick()
    expect(await t.pending()).toBe(3)
    expect(t.sync.current).toMatchObject({ kind: 'retrying', reason: 'storage' })
    await t.fireRetry()
    expect(await t.pending()).toBe(0)
    expect(t.calls).toHaveLength(2)
  })
})
