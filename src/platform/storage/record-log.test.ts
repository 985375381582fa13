import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { InvalidRecordError, StorageFullError } from './errors.ts'
import { RecordLog } from './record-log.ts'

/**
 * The record log against a real IndexedDB implementation (fake-indexeddb runs the spec's
 * transaction model in Node). Faults are injected at the edge we do not own: IDBObjectStore.
 */

beforeAll(() => {
  // record-log.ts uses the global for key ranges, as in the browser.
  globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange
})
afterEach(() => vi.restoreAllMocks())

const ctx = { memberId: 'm1', contentVersion: 'c1' }
const checkin = {
  siteId: 'zaoyuan',
  method: 'gps' as const,
  verdict: 'inside' as const,
  gps: { lat: 36.623, lng: 109.431, accuracyM: 12, distanceM: 40 },
}

async function freshLog() {
  return RecordLog.open({ factory: new IDBFactory() })
}

function failAddTo(storeName: string, error: Error) {
  const original = IDBObjectStore.prototype.add
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === storeName) throw error
    return original.apply(this, args as Parameters<typeof original>)
  })
}

describe('RecordLog.append', () => {
  it('commits the record and its outbox entry together, numbering per device', async () => {
    const log = await freshLog()
    const a = await log.append('checkin', checkin, ctx)
    const b = await log.append('reflection', { lessonId: 'l1', text: '很受教育' }, ctx)
    expect([a.seq, b.seq]).toEqual([1, 2])
    expect(a.deviceId).toBe(b.deviceId)
    expect((await log.records('m1')).map((r) => r.id)).toEqual([a.id, b.id])
    expect((await log.outbox('m1')).map((e) => [e.recordId, e.state])).toEqual([
      [a.id, 'pending'],
      [b.id, 'pending'],
    ])
  })

  it('writes neither the record nor the outbox entry when the outbox write throws', async () => {
    const log = await freshLog()
    failAddTo('outbox', new Error('boom between record and outbox'))
    await expect(log.append('checkin', checkin, ctx)).rejects.toThrow('boom')
    vi.restoreAllMocks()
    expect(await log.counts()).toMatchObject({ records: 0, outbox: 0 })
    // The sequence counter was not consumed either: the next record is number 1.
    expect((await log.append('checkin', checkin, ctx)).seq).toBe(1)
  })

  it('turns QuotaExceededError into StorageFullError, writes nothing and keeps old data', async () => {
    const log = await freshLog()
    const kept = await log.append('checkin', checkin, ctx)
    failAddTo('records', new DOMException('full', 'QuotaExceededError'))
    await expect(log.append('reflection', { text: '写不进去' }, ctx)).rejects.toBeInstanceOf(StorageFullError)
    vi.restoreAllMocks()
    expect((await log.records('m1')).map((r) => r.id)).toEqual([kept.id])
    expect(await log.counts()).toMatchObject({ records: 1, outbox: 1 })
  })

  it('refuses an invalid payload before touching storage', async () => {
    const log = await freshLog()
    await expect(
      log.append('checkin', { ...checkin, gps: { ...checkin.gps, lat: 36.62345 } }, ctx),
    ).rejects.toBeInstanceOf(InvalidRecordError)
    expect(await log.counts()).toMatchObject({ records: 0, outbox: 0 })
  })

  it('keeps each member’s records apart', async () => {
    const log = await freshLog()
    await log.append('checkin', checkin, ctx)
    await log.append('checkin', checkin, { ...ctx, memberId: 'm2' })
    expect(await log.records('m1')).toHaveLength(1)
    expect(await log.outbox('m2')).toHaveLength(1)
  })
})

describe('drafts', () => {
  it('autosaves, restores, and is cleared in the same transaction as the final record', async () => {
    const log = await freshLog()
    await log.saveDraft('m1', 'quiz:l1', { answers: { q1: ['a'] } })
    expect((await log.loadDraft('m1', 'quiz:l1'))?.value).toEqual({ answers: { q1: ['a'] } })
    expect(await log.draftCount('m1')).toBe(1)
    expect(await log.draftCount('m2')).toBe(0)
    await log.append('reflection', { lessonId: 'l1', text: '定稿' }, { ...ctx, clearsDraft: 'quiz:l1' })
    expect(await log.loadDraft('m1', 'quiz:l1')).toBeUndefined()
  })

  it('keeps the draft when finalizing fails', async () => {
    const log = await freshLog()
    await log.saveDraft('m1', 'reflection:l1', '半句话')
    failAddTo('outbox', new DOMException('full', 'QuotaExceededError'))
    await expect(
      log.append('reflection', { lessonId: 'l1', text: '半句话' }, { ...ctx, clearsDraft: 'reflection:l1' }),
    ).rejects.toBeInstanceOf(StorageFullError)
    vi.restoreAllMocks()
    expect((await log.loadDraft('m1', 'reflection:l1'))?.value).toBe('半句话')
  })
})

describe('database versions', () => {
  it('closes when another tab opens a newer version, so the upgrade is never blocked', async () => {
    const factory = new IDBFactory()
    const onVersionChange = vi.fn()
    const log = await RecordLog.open({ factory, onVersionChange })
    await log.append('checkin', checkin, ctx)
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('hongtu', 99)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
      req.onblocked = () => reject(new Error('blocked'))
    })
    expect(onVersionChange).toHaveBeenCalledOnce()
    // The data written before is still there for the new version.
    const count = await new Promise<number>((resolve) => {
      const r = newer.transaction('outbox').objectStore('outbox').count()
      r.onsuccess = () => resolve(r.result)
    })
    expect(count).toBe(1)
    newer.close()
  })
})

describe('member data on a shared device', () => {
  it('imports synced records without outbox entries, skipping other members and duplicates', async () => {
    const source = await freshLog()
    const a = await source.append('checkin', checkin, ctx)
    const b = await source.append('checkin', checkin, { ...ctx, memberId: 'm2' })
    const log = await freshLog()
    expect(await log.importSynced([a, b, a], 'm1')).toBe(1)
    expect((await log.records('m1')).map((r) => r.id)).toEqual([a.id])
    expect(await log.outbox('m1')).toHaveLength(0)
  })

  it('imports an export file idempotently, each new record queued for sending', async () => {
    const source = await freshLog()
    const a = await source.append('reflection', { text: '导出' }, ctx)
    const log = await freshLog()
    expect(await log.importUnsynced([a], 'm1')).toBe(1)
    expect(await log.importUnsynced([a], 'm1')).toBe(0)
    expect((await log.outbox('m1')).map((e) => e.recordId)).toEqual([a.id])
  })

  it('adopts records made before a login from a backup file only when asked', async () => {
    const source = await freshLog()
    const before = await source.append(
      'reflection',
      { text: '登录前写的' },
      { ...ctx, memberId: 'local-phone1' },
    )
    const someoneElse = await source.append('reflection', { text: '别人的' }, { ...ctx, memberId: 'm9' })
    const log = await freshLog()
    expect(await log.importUnsynced([before, someoneElse], 'm1')).toBe(0)
    expect(await log.importUnsynced([before, someoneElse], 'm1', { adoptBeforeLogin: true })).toBe(1)
    expect((await log.records('m1')).map((r) => [r.id, r.memberId])).toEqual([[before.id, 'm1']])
    expect((await log.outbox('m1')).map((e) => e.recordId)).toEqual([before.id])
  })

  it('moves unsent records of the local member to the member who logged in', async () => {
    const log = await freshLog()
    const r = await log.append('checkin', checkin, { ...ctx, memberId: 'local-d' })
    expect(await log.reassignUnsent('local-d', 'u1')).toBe(1)
    expect((await log.records('u1')).map((x) => x.id)).toEqual([r.id])
    expect(await log.outbox('u1')).toHaveLength(1)
    expect(await log.records('local-d')).toHaveLength(0)
  })

  it('forgets one member entirely and leaves the others', async () => {
    const log = await freshLog()
    await log.append('checkin', checkin, ctx)
    await log.saveDraft('m1', 'quiz:l1', { a: 1 })
    await log.append('checkin', checkin, { ...ctx, memberId: 'm2' })
    await log.saveDraft('m2', 'quiz:l1', { a: 2 })
    await log.setMeta(RecordLog.memberMetaKey('m1', 'pullCursor'), '7')
    await log.setMeta(RecordLog.memberMetaKey('m2', 'pullCursor'), '9')
    await log.setMeta('lastSyncAt', 'x')
    await log.forgetMember('m1')
    expect(await log.getMeta(RecordLog.memberMetaKey('m1', 'pullCursor'))).toBeUndefined()
    expect(await log.getMeta(RecordLog.memberMetaKey('m2', 'pullCursor'))).toBe('9')
    expect(await log.getMeta('lastSyncAt')).toBe('x')
    expect(await log.records('m1')).toHaveLength(0)
    expect(await log.outbox('m1')).toHaveLength(0)
    expect(await log.loadDraft('m1', 'quiz:l1')).toBeUndefined()
    expect(await log.records('m2')).toHaveLength(1)
    expect((await log.loadDraft('m2', 'quiz:l1'))?.value).toEqual({ a: 2 })
  })
})

describe('RecordLog.pending and outboxSummary', () => {
  it('reads batches in id order after a cursor, and counts what waits without reading it all', async () => {
    const log = await freshLog()
    const made = []
    for (let i = 0; i < 7; i++) made.push(await log.append('reflection', { text: `${i}` }, ctx))
    await log.append('reflection', { text: '别人的' }, { ...ctx, memberId: 'm2' })
    const first = await log.pending('m1', 3)
    expect(first.map((p) => p.recordId)).toEqual(made.slice(0, 3).map((r) => r.id))
    const second = await log.pending('m1', 3, first.at(-1)?.recordId)
    expect(second.map((p) => p.recordId)).toEqual(made.slice(3, 6).map((r) => r.id))
    await log.settle(
      [made[0]?.id as string],
      [{ recordId: made[1]?.id as string, reason: 'invalid:invalid:text' }],
    )
    const summary = await log.outboxSummary('m1')
    expect(summary.pending).toBe(5)
    expect(summary.oldestPendingAt).toBe(made[2]?.occurredAt)
    expect(summary.parked.map((e) => [e.recordId, e.reason])).toEqual([[made[1]?.id, 'invalid:invalid:text']])
    // A parked entry is no longer sent.
    expect((await log.pending('m1')).map((p) => p.recordId)).toEqual(made.slice(2).map((r) => r.id))
  })

  it('puts refusals that can go away back in the queue, and leaves conflicts parked', async () => {
    const log = await freshLog()
    const [stale, unknown, clash] = [
      await log.append('reflection', { text: '旧标签页里写的' }, ctx),
      await log.append('reflection', { text: '新版本写的' }, ctx),
      await log.append('reflection', { text: '撞了号' }, ctx),
    ]
    await log.settle(
      [],
      [
        { recordId: stale.id, reason: 'forbidden:member_mismatch:memberId' },
        { recordId: unknown.id, reason: 'invalid:invalid:kind' },
        { recordId: clash.id, reason: 'conflict:conflict:id' },
      ],
    )
    expect(await log.pending('m1')).toEqual([])
    expect(await log.retryRefused('m2')).toBe(0)
    expect(await log.retryRefused('m1')).toBe(2)
    expect((await log.pending('m1')).map((p) => p.recordId)).toEqual([stale.id, unknown.id])
    const summary = await log.outboxSummary('m1')
    expect(summary.parked.map((e) => e.recordId)).toEqual([clash.id])
    expect((await log.outbox('m1')).find((e) => e.recordId === stale.id)?.reason).toBeUndefined()
  })

  it('settling removes exactly the acknowledged entries, whatever lies between them', async () => {
    const log = await freshLog()
    const mine = []
    const theirs = []
    for (let i = 0; i < 4; i++) {
      mine.push(await log.append('reflection', { text: `我的 ${i}` }, ctx))
      // Another member on the same device, saving in between: keys interleave.
      theirs.push(await log.append('reflection', { text: `别人的 ${i}` }, { ...ctx, memberId: 'm2' }))
    }
    const batch = await log.pending('m1')
    expect(batch.map((p) => p.recordId)).toEqual(mine.map((r) => r.id))
    expect(batch.map((p) => (p.record as { payload: { text: string } }).payload.text)).toEqual(
      mine.map((r) => (r.payload as { text: string }).text),
    )
    await log.settle(
      mine.map((r) => r.id),
      [],
    )
    expect((await log.outbox('m1')).length).toBe(0)
    expect((await log.outbox('m2')).map((e) => e.recordId)).toEqual(theirs.map((r) => r.id))
    // A run of neighbours with nothing else between them goes in one range delete.
    await log.settle(
      theirs.slice(1, 3).map((r) => r.id),
      [],
    )
    expect((await log.outbox('m2')).map((e) => e.recordId)).toEqual([theirs[0]?.id, theirs[3]?.id])
  })
})
