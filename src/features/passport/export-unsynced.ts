import type { AnyRecord } from '../../domain/records/record.ts'
import type { RecordLog } from '../../platform/storage/record-log.ts'
import { saveFile } from '../../ui/save-file.ts'

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
  saveFile(
    JSON.stringify(body, null, 2),
    'application/json',
    `hongtu-unsynced-${body.exportedAt.slice(0, 10)}.json`,
  )
}
