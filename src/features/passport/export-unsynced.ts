import type { AnyRecord } from '../../domain/records/record.ts'
import type { RecordLog } from '../../platform/storage/record-log.ts'

/**
 * Saves the member's unsynced records as a JSON file (P8: a way out when storage is at risk).
 * Records keep their ids, so importing the file later is idempotent on the server.
 */
export async function exportUnsynced(log: RecordLog, memberId: string, records: readonly AnyRecord[]) {
  // The whole outbox, read once on this tap: the screens only hold a summary of it.
  const unsynced = new Set((await log.outbox(memberId)).map((e) => e.recordId))
  const body = {
    format: 'hongtu.records.v1',
    exportedAt: new Date().toISOString(),
    memberId,
    records: records.filter((r) => unsynced.has(r.id)),
  }
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `hongtu-unsynced-${body.exportedAt.slice(0, 10)}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
