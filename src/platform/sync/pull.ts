import type { RecordLog } from '../storage/record-log.ts'

/**
 * Brings the member's records back from the server (a wiped or a second device, fault row 16),
 * page by page with the server's cursor. Pulled records are already synced: they get no
 * outbox entry. Returns how many records were new to this device.
 */
export async function pullAll(
  log: RecordLog,
  memberId: string,
  doFetch: typeof fetch = fetch,
): Promise<number> {
  let cursor = '0'
  let added = 0
  for (let page = 0; page < 1000; page++) {
    const res = await doFetch(`/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=500`, {
      credentials: 'same-origin',
    })
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json'))
      throw new Error(`pull: HTTP ${res.status}`)
    const body = (await res.json()) as { records: { record: unknown }[]; cursor: string; more: boolean }
    added += await log.importSynced(
      body.records.map((r) => r.record),
      memberId,
    )
    if (!body.more || body.cursor === cursor) return added
    cursor = body.cursor
  }
  return added
}
