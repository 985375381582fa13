import { RecordLog } from '../storage/record-log.ts'

/** Where a member's pull has reached on this device (logging out forgets it with the records). */
export const pullCursorKey = (memberId: string) => RecordLog.memberMetaKey(memberId, 'pullCursor')

/**
 * Brings the member's records back from the server (a wiped or a second device, fault row 16),
 * page by page with the server's cursor. Pulled records are already synced: they get no
 * outbox entry. Returns how many records were new to this device. The cursor it reached is
 * kept, so that following the member's other devices (pullNew) starts from there.
 */
export async function pullAll(
  log: RecordLog,
  memberId: string,
  doFetch: typeof fetch = fetch,
): Promise<number> {
  return pullPages(log, memberId, '0', undefined, doFetch)
}

/**
 * What the member's other devices sent since this device last looked (P15: two devices of one
 * member converge): a check-in made on the tablet shows on the phone, and the quiz's attempts
 * count those made there. This device's own records are left out by the server, so a pull
 * after a sync downloads nothing it already has.
 */
export async function pullNew(
  log: RecordLog,
  memberId: string,
  doFetch: typeof fetch = fetch,
): Promise<number> {
  const cursor = (await log.getMeta<string>(pullCursorKey(memberId))) ?? '0'
  return pullPages(log, memberId, cursor, await log.deviceId(), doFetch)
}

async function pullPages(
  log: RecordLog,
  memberId: string,
  from: string,
  exceptDevice: string | undefined,
  doFetch: typeof fetch,
): Promise<number> {
  let cursor = from
  let added = 0
  try {
    for (let page = 0; page < 1000; page++) {
      const query = new URLSearchParams({ cursor, limit: '500' })
      if (exceptDevice) query.set('exceptDevice', exceptDevice)
      const res = await doFetch(`/api/sync/pull?${query}`, { credentials: 'same-origin' })
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json'))
        throw new Error(`pull: HTTP ${res.status}`)
      const body = (await res.json()) as { records: { record: unknown }[]; cursor: string; more: boolean }
      added += await log.importSynced(
        body.records.map((r) => r.record),
        memberId,
      )
      const moved = body.cursor !== cursor
      cursor = body.cursor
      if (!body.more || !moved) return added
    }
    return added
  } finally {
    // Records are imported before the cursor passes them: a pull cut short reads a page again,
    // and importing skips what is there already.
    if (cursor !== from) await log.setMeta(pullCursorKey(memberId), cursor)
  }
}
