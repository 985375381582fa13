import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { beforeAll, describe, expect, it } from 'vitest'
import { RecordLog } from './record-log.ts'
import { DB_NAME, DB_VERSION } from './schema.ts'

/**
 * Fault row 20: a device on any schema version ever shipped, with a full outbox, opens the
 * current app. Each fixture in tests/fixtures/db/ recreates that version's database exactly
 * (stores, key paths, indexes, rows) without using today's upgrade code; then the current
 * RecordLog opens it. Nothing may be lost: every record readable, every outbox item kept with
 * its state, drafts and the device sequence intact. Add a fixture for every new DB_VERSION.
 */

beforeAll(() => {
  globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange
})

interface Fixture {
  version: number
  stores: Record<
    string,
    { keyPath: string | null; indexes: Record<string, string | string[]>; rows: Record<string, unknown>[] }
  >
}

const dir = join(process.cwd(), 'tests/fixtures/db')
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => ({ file: f, fixture: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture }))

function createAsShipped(factory: IDBFactory, fixture: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, fixture.version)
    req.onupgradeneeded = () => {
      for (const [name, store] of Object.entries(fixture.stores)) {
        const os = req.result.createObjectStore(name, store.keyPath ? { keyPath: store.keyPath } : undefined)
        for (const [index, path] of Object.entries(store.indexes)) os.createIndex(index, path)
        for (const row of store.rows) store.keyPath ? os.add(row) : os.add(row.value, row.key as string)
      }
    }
    req.onsuccess = () => {
      req.result.close()
      resolve()
    }
    req.onerror = () => reject(req.error)
  })
}

describe('upgrading the device database', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(fixtures.map((f) => f.fixture.version).sort()).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    )
  })

  for (const { file, fixture } of fixtures) {
    it(`keeps every record, outbox item and draft of ${file}`, async () => {
      const factory = new IDBFactory()
      await createAsShipped(factory, fixture)
      const log = await RecordLog.open({ factory })
      const member = 'local-d1'
      const records = await log.records(member)
      expect(records.map((r) => r.id).sort()).toEqual(fixture.stores.records?.rows.map((r) => r.id).sort())
      const outbox = await log.outbox(member)
      expect(outbox).toEqual(expect.arrayContaining(fixture.stores.outbox?.rows ?? []))
      expect(outbox).toHaveLength(fixture.stores.outbox?.rows.length ?? -1)
      // The state index (v2) covers the rows written before it existed.
      const rows = (fixture.stores.outbox?.rows ?? []) as { state: string }[]
      const summary = await log.outboxSummary(member)
      expect(summary.pending).toBe(rows.filter((r) => r.state === 'pending').length)
      expect(summary.parked).toHaveLength(rows.filter((r) => r.state === 'parked').length)
      expect((await log.pending(member)).length).toBe(summary.pending)
      expect((await log.loadDraft(member, 'reflection:yangjialing-lesson'))?.value).toBe('未写完的心得')
      // The device goes on numbering after its last record.
      const next = await log.append(
        'reflection',
        { text: '升级之后' },
        { memberId: member, contentVersion: 'c' },
      )
      expect(next.seq).toBe(5)
      expect(next.deviceId).toBe('d1')
      log.close()
    })
  }
})
