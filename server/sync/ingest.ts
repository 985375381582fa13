import { sql, type Transaction } from 'kysely'
import type { AppServices, SessionUser } from '../context.ts'
import type { Database, RecordsTable } from '../db/tables.ts'
import { FLAG } from './flags.ts'
import { type Candidate, prepareBatch, type Rejection } from './prepare.ts'

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
 * numbers. (SQLite already writes one transaction at a time.) The lock is held only for the
 * inserts; validation and verification happen before it.
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

  const { inserted, held, existing } = await s.db.transaction().execute(async (trx) => {
    if (s.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${INGEST_LOCK_KEY})`.execute(trx)
    return writeBatch(trx, user.id, unique, receivedAt)
  })

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
    else if (stored.payload_hash !== c.hash)
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

async function writeBatch(
  trx: Transaction<Database>,
  memberId: string,
  batch: readonly Candidate[],
  receivedAt: Date,
): Promise<{ inserted: Map<string, number>; held: Set<string>; existing: Map<string, StoredState> }> {
  const inserted = new Map<string, number>()
  const held = new Set<string>()
  const existing = new Map<string, StoredState>()
  if (batch.length === 0) return { inserted, held, existing }

  // Out-of-order arrival (fault row 23): a completion whose quiz the server has not seen waits.
  const parentIds = [
    ...new Set(
      batch.flatMap((c) => (c.record.kind === 'lesson.completed' && c.record.payload.quizRecordId) || []),
    ),
  ]
  const known = new Set(batch.map((c) => c.record.id))
  if (parentIds.length > 0) {
    const rows = await trx
      .selectFrom('records')
      .select('id')
      .where('member_id', '=', memberId)
      .where('id', 'in', parentIds)
      .execute()
    for (const r of rows) known.add(r.id)
  }

  const rows = batch.map((c): Omit<RecordsTable, 'server_seq'> => {
    const r = c.record
    const waitFor = r.kind === 'lesson.completed' ? r.payload.quizRecordId : undefined
    const isHeld = waitFor !== undefined && !known.has(waitFor)
    if (isHeld) held.add(r.id)
    return {
      member_id: memberId,
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
      status: isHeld ? 'held' : 'accepted',
      held_for: isHeld ? (waitFor ?? null) : null,
      flags: JSON.stringify(c.flags),
      received_at: receivedAt.toISOString(),
      deleted_at: null,
      deleted_by: null,
    }
  })
  const returned = await trx
    .insertInto('records')
    .values(rows)
    .onConflict((oc) => oc.columns(['member_id', 'id']).doNothing())
    .returning(['id', 'server_seq'])
    .execute()
  for (const r of returned) inserted.set(r.id, r.server_seq)
  for (const id of [...held]) if (!inserted.has(id)) held.delete(id)

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

  if (inserted.size > 0)
    await trx
      .updateTable('records')
      .set({ status: 'accepted', held_for: null })
      .where('member_id', '=', memberId)
      .where('status', '=', 'held')
      .where('held_for', 'in', [...inserted.keys()])
      .execute()
  await releaseStaleHolds(trx, memberId, receivedAt)
  return { inserted, held, existing }
}

/** Held records older than {@link HOLD_LIMIT_MS} are accepted without their parent, flagged. */
async function releaseStaleHolds(trx: Transaction<Database>, memberId: string, now: Date): Promise<void> {
  const stale = await trx
    .selectFrom('records')
    .select(['server_seq', 'flags'])
    .where('member_id', '=', memberId)
    // Held rows always name what they wait for; saying so lets the (member_id, held_for) index
    // find them, instead of scanning every row of the member on every push.
    .where('held_for', 'is not', null)
    .where('status', '=', 'held')
    .where('received_at', '<', new Date(now.getTime() - HOLD_LIMIT_MS).toISOString())
    .execute()
  for (const row of stale) {
    const flags = [...(JSON.parse(row.flags) as string[]), FLAG.parentMissing]
    await trx
      .updateTable('records')
      .set({ status: 'accepted', held_for: null, flags: JSON.stringify(flags) })
      .where('server_seq', '=', row.server_seq)
      .execute()
  }
}
