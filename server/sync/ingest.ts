import { sql, type Transaction } from 'kysely'
import type { AppServices, SessionUser } from '../context.ts'
import type { Database, Dialect } from '../db/tables.ts'
import { type Candidate, prepareBatch, type Rejection } from './prepare.ts'
import { insertAndRelease, type NewRecordRow } from './record-writes.ts'

/**
 * A push: records in, one result per record out (notes/reliability.md P12–P14).
 *
 * Idempotency: a record's identity is (member, id), enforced by a unique constraint. A new pair
 * is `created` (or `held`); the same pair with the same content hash is a `duplicate` that
 * answers the stored serverSeq; with another hash it is a `conflict`; a pair an admin deleted is
 * `deleted` and never comes back. Inserts use ON CONFLICT DO NOTHING, so concurrent identical
 * pushes make one row on both databases: on PostgreSQL a second insert of the same key waits for
 * the first transaction and then does nothing; SQLite has one writer at a time.
 *
 * Durability: results are computed only after the transaction committed (see db/open.ts for
 * the sync settings), because the device deletes its copy when it reads created, duplicate or
 * held.
 *
 * Cursor safety: serverSeq is the pull cursor, so rows must become visible in serverSeq order.
 * PostgreSQL hands out sequence values before commit, so push transactions take one
 * transaction-scoped advisory lock: they commit one at a time, in the order they drew their
 * numbers. (SQLite already writes one transaction at a time.) Validation and verification happen
 * before it; under it, one statement inserts the batch and releases held records
 * (record-writes.ts), with a read before it only when a completion's quiz may be stored already
 * and one after it only when some ids were.
 */

export type PushResult =
  | Rejection
  | {
      readonly index: number
      readonly id: string
      readonly result: 'created' | 'duplicate' | 'held'
      readonly serverSeq: number
      readonly flags: readonly string[]
    }
  | {
      readonly index: number
      readonly id: string
      readonly result: 'conflict' | 'deleted'
      readonly serverSeq: number
      readonly error: { code: string; message: string; path: string }
    }

/** Any fixed 64-bit key; it names "the records ingest lock" for pg_advisory_xact_lock. */
const INGEST_LOCK_KEY = 7_401_190_031
/** A held record whose parent has not arrived after this long is released, flagged (Central: 5 days). */
export const HOLD_LIMIT_MS = 5 * 86_400_000

type StoredState = { id: string; payload_hash: string; status: string; server_seq: number }

export async function ingest(
  s: AppServices,
  user: SessionUser,
  items: readonly unknown[],
): Promise<{ results: PushResult[]; createdIds: string[] }> {
  const receivedAt = s.now()
  const { candidates, rejections } = await prepareBatch(s, user, items, receivedAt.getTime())

  // The first occurrence of an id in the batch is the one written; later ones compare with it.
  const firsts = new Map<string, Candidate>()
  for (const c of candidates) if (!firsts.has(c.record.id)) firsts.set(c.record.id, c)
  const unique = [...firsts.values()]

  // Nothing to write (every record refused): no transaction, no lock.
  const { inserted, held, existing } =
    unique.length === 0
      ? {
          inserted: new Map<string, number>(),
          held: new Set<string>(),
          existing: new Map<string, StoredState>(),
        }
      : await inPushTransaction(s, (trx) => writeBatch(trx, s.dialect, user.id, unique, receivedAt))

  const results: PushResult[] = [...rejections]
  for (const c of candidates) {
    const id = c.record.id
    const first = firsts.get(id) as Candidate
    const seq = inserted.get(id)
    if (seq !== undefined && first === c) {
      results.push({
        index: c.index,
        id,
        result: held.has(id) ? 'held' : 'created',
        serverSeq: seq,
        flags: c.flags,
      })
      continue
    }
    const stored =
      existing.get(id) ??
      (seq !== undefined ? { payload_hash: first.hash, status: 'accepted', server_seq: seq } : undefined)
    if (!stored) throw new Error(`record ${id} neither inserted nor found`)
    if (stored.status === 'deleted')
      results.push({
        index: c.index,
        id,
        result: 'deleted',
        serverSeq: stored.server_seq,
        error: { code: 'deleted', message: 'was deleted on the server and stays deleted', path: 'id' },
      })
    else if (stored.payload_hash !== c.hash && stored.payload_hash !== c.earlierHash)
      results.push({
        index: c.index,
        id,
        result: 'conflict',
        serverSeq: stored.server_seq,
        error: { code: 'conflict', message: 'this id was already used for other content', path: 'id' },
      })
    else
      results.push({ index: c.index, id, result: 'duplicate', serverSeq: stored.server_seq, flags: c.flags })
  }
  results.sort((a, b) => a.index - b.index)
  return { results, createdIds: [...inserted.keys()] }
}

/** A push's transaction: on PostgreSQL it first takes the ingest lock (see above). */
export function inPushTransaction<T>(
  s: Pick<AppServices, 'db' | 'dialect'>,
  write: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return s.db.transaction().execute(async (trx) => {
    if (s.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${INGEST_LOCK_KEY})`.execute(trx)
    return write(trx)
  })
}

async function writeBatch(
  trx: Transaction<Database>,
  dialect: Dialect,
  memberId: string,
  batch: readonly Candidate[],
  receivedAt: Date,
): Promise<{ inserted: Map<string, number>; held: Set<string>; existing: Map<string, StoredState> }> {
  const held = new Set<string>()
  const existing = new Map<string, StoredState>()

  // Out-of-order arrival (fault row 23): a completion whose quiz the server has not seen waits.
  // Read after the ingest lock (PostgreSQL), so a quiz committed by a concurrent push is seen.
  const known = new Set(batch.map((c) => c.record.id))
  const quizIds = [
    ...new Set(
      batch.flatMap((c) => (c.record.kind === 'lesson.completed' && c.record.payload.quizRecordId) || []),
    ),
  ].filter((id) => !known.has(id))
  if (quizIds.length > 0) {
    const rows = await trx
      .selectFrom('records')
      .select('id')
      .where('member_id', '=', memberId)
      .where('id', 'in', quizIds)
      .execute()
    for (const r of rows) known.add(r.id)
  }

  const rows = batch.map((c) => {
    const waitFor = c.record.kind === 'lesson.completed' ? c.record.payload.quizRecordId : undefined
    const heldFor = waitFor !== undefined && !known.has(waitFor) ? waitFor : null
    if (heldFor !== null) held.add(c.record.id)
    return newRecordRow(c, heldFor)
  })
  const inserted = await insertAndRelease(trx, dialect, {
    memberId,
    receivedAt: receivedAt.toISOString(),
    rows,
    batchIds: batch.map((c) => c.record.id),
    staleBefore: new Date(receivedAt.getTime() - HOLD_LIMIT_MS).toISOString(),
  })
  for (const id of [...held]) if (!inserted.has(id)) held.delete(id)

  // Ids that were there already: a resent record (duplicate), another content (conflict), deleted.
  const missing = batch.map((c) => c.record.id).filter((id) => !inserted.has(id))
  if (missing.length > 0) {
    const found = await trx
      .selectFrom('records')
      .select(['id', 'payload_hash', 'status', 'server_seq'])
      .where('member_id', '=', memberId)
      .where('id', 'in', missing)
      .execute()
    for (const f of found) existing.set(f.id, f)
  }
  return { inserted, held, existing }
}

/** The row a checked record is stored as; `heldFor` names the parent a held record waits for. */
export function newRecordRow(c: Candidate, heldFor: string | null): NewRecordRow {
  const r = c.record
  return {
    id: r.id,
    kind: r.kind,
    v: r.v,
    device_id: r.deviceId,
    seq: r.seq,
    occurred_at: r.occurredAt,
    occurred_at_corrected: c.correctedAt,
    clock_offset_ms: r.clockOffsetMs,
    class_id: r.classId,
    content_version: r.contentVersion,
    payload: JSON.stringify(r.payload),
    payload_hash: c.hash,
    status: heldFor === null ? 'accepted' : 'held',
    held_for: heldFor,
    flags: JSON.stringify(c.flags),
  }
}
