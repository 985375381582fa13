import { CompiledQuery, type Transaction } from 'kysely'
import type { Database, Dialect, RecordsTable } from '../db/tables.ts'
import { FLAG } from './flags.ts'

/**
 * The statements a push writes with, written out by hand: this is the server's hottest path, and
 * building a 100-row insert with Kysely's builder cost about 1 ms of CPU per push, more than
 * running it. Each statement's text depends only on the dialect (and on SQLite the chunk size),
 * so SQLite keeps it prepared (db/open.ts), and PostgreSQL parses a short text whose parameters
 * are one array per column (`unnest`) instead of 1,700 scalars for 100 rows.
 *
 * One statement does each phase, not one per record: the insert (ON CONFLICT DO NOTHING, so
 * concurrent identical pushes make one row; RETURNING tells which rows are new) and the release
 * of held records (their parent arrived, or they waited longer than the hold limit).
 */

/** A new row, but for the columns every row of a push shares. */
export type NewRecordRow = Omit<
  RecordsTable,
  'server_seq' | 'member_id' | 'received_at' | 'deleted_at' | 'deleted_by'
>

/** Per-row columns in statement order, with their PostgreSQL array types. */
const ROW_COLUMNS = {
  id: 'text',
  kind: 'text',
  v: 'int4',
  device_id: 'text',
  seq: 'int8',
  occurred_at: 'text',
  occurred_at_corrected: 'text',
  clock_offset_ms: 'int8',
  class_id: 'text',
  content_version: 'text',
  payload: 'text',
  payload_hash: 'text',
  status: 'text',
  held_for: 'text',
  flags: 'text',
} as const satisfies Record<keyof NewRecordRow, string>
const COLUMN_NAMES = Object.keys(ROW_COLUMNS) as (keyof NewRecordRow)[]
const COLUMN_COUNT = COLUMN_NAMES.length
const INSERT_INTO = `insert into records (member_id, received_at, ${COLUMN_NAMES.join(', ')})`
const ON_CONFLICT = 'on conflict (member_id, id) do nothing returning id, server_seq'

/**
 * `flags` with parent-missing appended, in SQL both databases speak. Flags are a JSON array of
 * ASCII strings written by JSON.stringify, so this is exactly JSON.stringify([...flags, flag]).
 * Parameters: the empty array's replacement, then the tail to append.
 */
const APPEND_PARENT_MISSING = (first: string, tail: string) =>
  `case when flags = '[]' then ${first} else substr(flags, 1, length(flags) - 1) || ${tail} end`
const PARENT_MISSING_TEXTS = [JSON.stringify([FLAG.parentMissing]), `,${JSON.stringify(FLAG.parentMissing)}]`]

export interface PushWrite {
  readonly memberId: string
  readonly receivedAt: string
  /** First occurrences only: one row per id. */
  readonly rows: readonly NewRecordRow[]
  /**
   * Every id of the batch: records held for one of them may now be accepted. After this
   * transaction a row with each of these ids exists (inserted now, or there already), so a
   * record held for one of them has its parent.
   */
  readonly batchIds: readonly string[]
  /** Held rows received before this are released without their parent, flagged parent-missing. */
  readonly staleBefore: string
}

/**
 * Inserts the rows and releases held records; returns the server_seq of each inserted id (the
 * ids missing from it were there already). Runs inside the push transaction, on PostgreSQL after
 * the ingest lock was taken, so the release sees every held row committed before: a child held
 * by an earlier push whose parent arrives now is never missed.
 */
export async function insertAndRelease(
  trx: Transaction<Database>,
  dialect: Dialect,
  write: PushWrite,
): Promise<Map<string, number>> {
  const inserted = new Map<string, number>()
  if (dialect === 'postgres') {
    const { rows } = await trx.executeQuery<{ id: string; server_seq: number }>(
      CompiledQuery.raw(POSTGRES_PUSH, [
        write.memberId,
        write.receivedAt,
        ...COLUMN_NAMES.map((c) => write.rows.map((r) => r[c])),
        write.batchIds,
        write.staleBefore,
        ...PARENT_MISSING_TEXTS,
      ]),
    )
    for (const r of rows) inserted.set(r.id, Number(r.server_seq))
    return inserted
  }
  for (let at = 0; at < write.rows.length; ) {
    const size = sqliteChunk(write.rows.length - at)
    const params: unknown[] = []
    for (const row of write.rows.slice(at, at + size)) {
      params.push(write.memberId, write.receivedAt)
      for (const c of COLUMN_NAMES) params.push(row[c])
    }
    const { rows } = await trx.executeQuery<{ id: string; server_seq: number }>(
      CompiledQuery.raw(sqliteInsert(size), params),
    )
    for (const r of rows) inserted.set(r.id, r.server_seq)
    at += size
  }
  await trx.executeQuery(
    CompiledQuery.raw(SQLITE_RELEASE, [
      JSON.stringify(write.batchIds),
      ...PARENT_MISSING_TEXTS,
      write.memberId,
      JSON.stringify(write.batchIds),
      write.staleBefore,
    ]),
  )
  return inserted
}

/**
 * Held rows are found through the partial index records_pending_holds (member_id, held_for)
 * WHERE held_for IS NOT NULL (migration 0004): the conditions below repeat its predicate so
 * both databases use it. A member with nothing held costs one empty index probe.
 */
const HELD_OF_MEMBER = (member: string) =>
  `member_id = ${member} and held_for is not null and status = 'held'`

/**
 * PostgreSQL: one statement, one round trip under the ingest lock. The release runs in the same
 * statement (a data-modifying WITH always runs to completion); it cannot see the rows inserted
 * beside it, and needs not: a row inserted by this push waits only for a parent outside it.
 */
const POSTGRES_PUSH = `with inserted as (
  ${INSERT_INTO}
  select $1::text, $2::text, * from unnest(${COLUMN_NAMES.map((c, i) => `$${i + 3}::${ROW_COLUMNS[c]}[]`).join(', ')})
  ${ON_CONFLICT}
), released as (
  update records set status = 'accepted', held_for = null,
    flags = case when held_for = any($${COLUMN_COUNT + 3}::text[]) then flags else ${APPEND_PARENT_MISSING(`$${COLUMN_COUNT + 5}::text`, `$${COLUMN_COUNT + 6}::text`)} end
  where ${HELD_OF_MEMBER('$1')} and (held_for = any($${COLUMN_COUNT + 3}::text[]) or received_at < $${COLUMN_COUNT + 4}::text)
)
select id, server_seq from inserted`

/** SQLite: the ids as one JSON parameter, so the text (and its prepared statement) is constant. */
const SQLITE_RELEASE = `update records set status = 'accepted', held_for = null,
  flags = case when held_for in (select value from json_each(?)) then flags else ${APPEND_PARENT_MISSING('?', '?')} end
  where ${HELD_OF_MEMBER('?')} and (held_for in (select value from json_each(?)) or received_at < ?)`

/**
 * SQLite inserts go in chunks of 128, 64, …, 1 rows: at most 8 distinct statement texts stay
 * prepared, and a chunk stays far below SQLite's 32,766 bound parameters.
 */
function sqliteChunk(remaining: number): number {
  let size = 128
  while (size > remaining) size >>= 1
  return size
}

const sqliteInserts = new Map<number, string>()
function sqliteInsert(rows: number): string {
  let text = sqliteInserts.get(rows)
  if (text === undefined) {
    const row = `(${Array(COLUMN_COUNT + 2)
      .fill('?')
      .join(', ')})`
    text = `${INSERT_INTO} values ${Array(rows).fill(row).join(', ')} ${ON_CONFLICT}`
    sqliteInserts.set(rows, text)
  }
  return text
}
