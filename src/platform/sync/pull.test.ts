import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnyRecord } from '../../domain/records/record.ts'
import { RecordLog } from '../storage/record-log.ts'
import { pullAll, pullCursorKey, pullNew } from './pull.ts'

/**
 * Following the member's other devices: each pull starts where the last one ended (kept in the
 * device database), asks the server to leave this device's own records out, and a pull cut
 * short by the network keeps what it imported and the cursor that goes with it.
 */
beforeAll(() => {
  globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange
})

const MEMBER = 'm1'

async function otherDeviceRecords(count: number): Promise<AnyRecord[]> {
  const other = await RecordLog.open({ factory: new IDBFactory() })
  const made: AnyRecord[] = []
  for (let i = 0; i < count; i++)
    made.push(
      await other.append('reflection', { text: `平板 ${i}` }, { memberId: MEMBER, contentVersion: 'c' }),
    )
  return made
}

/** The server's pull, over `records` in server order: pages of `limit`, cursor = position. */
function server(records: readonly AnyRecord[], limit = 2) {
  const asked: URLSearchParams[] = []
  let failAt: number | null = null
  const fetchPull = (async (url: string) => {
    const q = new URL(url, 'http://x').searchParams
    asked.push(q)
    if (failAt !== null && asked.length === failAt) throw new TypeError('network')
    const from = Number(q.get('cursor'))
    const page = records.slice(from, from + limit)
    return new Response(
      JSON.stringify({
        records: page.map((record) => ({ record })),
        cursor: String(from + page.length),
        more: from + page.length < records.length,
      }),
      { headers: { 'content-type': 'application/json' } },
    )
  }) as unknown as typeof fetch
  return {
    fetchPull,
    asked,
    failOnRequest: (n: number) => {
      failAt = n
    },
  }
}

describe('pulling the member’s records', () => {
  it('starts each pull where the last ended and leaves this device’s records out', async () => {
    const log = await RecordLog.open({ factory: new IDBFactory() })
    const theirs = await otherDeviceRecords(5)
    const s = server(theirs.slice(0, 3))
    expect(await pullNew(log, MEMBER, s.fetchPull)).toBe(3)
    expect(s.asked.map((q) => q.get('cursor'))).toEqual(['0', '2'])
    expect(s.asked.every((q) => q.get('exceptDevice') === s.asked[0]?.get('exceptDevice'))).toBe(true)
    expect(s.asked[0]?.get('exceptDevice')).toBe(await log.deviceId())
    expect(await log.getMeta(pullCursorKey(MEMBER))).toBe('3')

    const later = server(theirs)
    expect(await pullNew(log, MEMBER, later.fetchPull)).toBe(2)
    expect(later.asked.map((q) => q.get('cursor'))).toEqual(['3'])
    expect((await log.records(MEMBER)).map((r) => r.id).sort()).toEqual(theirs.map((r) => r.id).sort())
  })

  it('keeps what a pull cut short imported, and goes on from there', async () => {
    const log = await RecordLog.open({ factory: new IDBFactory() })
    const theirs = await otherDeviceRecords(5)
    const s = server(theirs)
    s.failOnRequest(2)
    await expect(pullNew(log, MEMBER, s.fetchPull)).rejects.toThrow('network')
    expect(await log.records(MEMBER)).toHaveLength(2)
    expect(await log.getMeta(pullCursorKey(MEMBER))).toBe('2')
    const again = server(theirs)
    expect(await pullNew(log, MEMBER, again.fetchPull)).toBe(3)
    expect(again.asked.map((q) => q.get('cursor'))).toEqual(['2', '4'])
  })

  it('a restore at login reads everything, and later pulls go on from its end', async () => {
    const log = await RecordLog.open({ factory: new IDBFactory() })
    const theirs = await otherDeviceRecords(3)
    const s = server(theirs)
    expect(await pullAll(log, MEMBER, s.fetchPull)).toBe(3)
    expect(s.asked[0]?.get('exceptDevice')).toBeNull()
    expect(await log.getMeta(pullCursorKey(MEMBER))).toBe('3')
  })
})
