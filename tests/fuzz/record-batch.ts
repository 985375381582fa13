import fc from 'fast-check'
import { expect } from 'vitest'
import type { Db } from '../../server/db/tables.ts'
import { PUSH_MAX_BYTES } from '../../server/sync/routes.ts'
import type { Reply } from '../server/driver.ts'
import { deeplyNested, setOwn } from './fuzz-kit.ts'
import { type Draft, draftArb, type Key, type RecordWorld } from './record-drafts.ts'
import { Deep, type Expected, type Fault, faultyArb, Repeat } from './record-faults.ts'

/**
 * A push batch that mixes valid records, broken ones and repeats of earlier ones, the model of
 * what the server owes for each (notes/reliability.md P12, P16), and the check of the answer and
 * of the rows against that model.
 */

export type Entry =
  | { readonly type: 'valid'; readonly draft: Draft }
  | { readonly type: 'faulty'; readonly draft: Draft; readonly fault: Fault }
  /** The same id again: the same content (a resend) or changed content (an edit after a lost ack). */
  | { readonly type: 'copy'; readonly of: number; readonly changed: boolean }

export type Owed =
  | { readonly result: 'created' | 'held'; readonly id: string }
  | { readonly result: 'duplicate' | 'conflict'; readonly id: string; readonly firstIndex: number }
  | (Expected & { readonly id: string | null })

export interface Batch {
  readonly json: string
  readonly owed: readonly Owed[]
}

export function batchArb(w: RecordWorld): fc.Arbitrary<Entry[]> {
  const drafts = draftArb(w)
  const valid = drafts.map((draft): Entry => ({ type: 'valid', draft }))
  const faulty = faultyArb(drafts).map(({ draft, fault }): Entry => ({ type: 'faulty', draft, fault }))
  const copy = fc.record({ of: fc.nat(), changed: fc.boolean() }).map((c): Entry => ({ type: 'copy', ...c }))
  const entry = (validWeight: number) =>
    fc.oneof(
      { arbitrary: valid, weight: validWeight },
      { arbitrary: faulty, weight: 4 },
      { arbitrary: copy, weight: 1 },
    )
  const batch = (validWeight: number, min: number, max: number) =>
    fc
      .tuple(
        fc.oneof(valid, faulty),
        fc.array(entry(validWeight), { minLength: min - 1, maxLength: max - 1 }),
      )
      .map(([first, rest]) => [first, ...rest])
  // Mostly small batches; sometimes one near the 100-record limit, mostly valid.
  return fc.oneof({ arbitrary: batch(3, 1, 10), weight: 9 }, { arbitrary: batch(40, 60, 100), weight: 1 })
}

/** Stands for a deeply nested value in the item until the JSON text is made. */
const DEEP_TOKEN = /^@@deep-\d+@@$/
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Sets `path` in `root`, as an own property even for `__proto__`. */
function setAt(root: Record<string, unknown>, path: readonly Key[], value: unknown): void {
  let node = root
  for (const k of path.slice(0, -1)) {
    const next = node[k as string]
    if (next === null || typeof next !== 'object') setOwn(node, String(k), {})
    node = node[k as string] as Record<string, unknown>
  }
  setOwn(node, String(path.at(-1)), value)
}

function dropAt(root: Record<string, unknown>, path: readonly Key[]): void {
  let node = root
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, unknown>
  delete node[String(path.at(-1))]
}

/** Makes the batch concrete: fresh ids, faults applied, JSON text, and what is owed. */
export function makeBatch(entries: readonly Entry[], w: RecordWorld, newId: () => string): Batch {
  const deep: string[] = []
  const materialize = (v: unknown): unknown => {
    if (v instanceof Repeat) return v.unit.repeat(v.times)
    if (v instanceof Deep) {
      deep.push(deeplyNested(v.depth, v.style))
      return `@@deep-${deep.length - 1}@@`
    }
    if (v === '$other') return w.otherMemberId
    return clone(v)
  }
  const sources: number[] = []
  const resolved = entries.map((e, i) => {
    if (e.type !== 'copy') {
      sources.push(i)
      return { ...e, index: i }
    }
    const source = sources[e.of % sources.length] as number
    return { ...e, index: i, source }
  })
  const ids: string[] = []
  for (const e of resolved) ids.push(e.type === 'copy' ? (ids[e.source] as string) : newId())
  const items: unknown[] = []
  const valid = new Set<string>()
  for (const e of resolved) {
    if (e.type === 'copy') {
      const source = entries[e.source] as Entry
      const item = clone(items[e.source]) as Record<string, unknown>
      if (e.changed && source.type === 'valid')
        item.seq = (item.seq as number) > 1 ? (item.seq as number) - 1 : 2
      items.push(item)
      continue
    }
    const item: Record<string, unknown> = { id: ids[e.index], ...clone(e.draft.envelope) }
    const ref = e.draft.quizRef
    if (ref !== undefined) {
      // A completion names a record of the batch (by position) or one the server never saw.
      const target = ref === 'unknown' ? undefined : ids[ref.entry % ids.length]
      const parent = target !== undefined && target !== ids[e.index] ? target : newId()
      ;(item.payload as Record<string, unknown>).quizRecordId = parent
    }
    if (e.type === 'valid') {
      valid.add(item.id as string)
      items.push(item)
      continue
    }
    let broken: unknown = item
    for (const op of e.fault.ops)
      if (op.op === 'whole') broken = materialize(op.value)
      else if (op.op === 'drop') dropAt(item, op.path)
      else setAt(item, op.path, materialize(op.value))
    items.push(broken)
  }

  const owed: Owed[] = []
  const firsts = new Map<string, { index: number; text: string }>()
  for (const e of resolved) {
    const item = items[e.index]
    const root = e.type === 'copy' ? (entries[e.source] as Entry) : e
    if (root.type === 'faulty') {
      const id = (item as { id?: unknown } | null)?.id
      const isText = typeof id === 'string' && !DEEP_TOKEN.test(id)
      owed.push({ ...root.fault.expect, id: isText ? id.slice(0, 80) : null })
      continue
    }
    const record = item as { id: string; payload: { quizRecordId?: string } }
    const text = JSON.stringify(record)
    const first = firsts.get(record.id)
    if (!first) {
      firsts.set(record.id, { index: e.index, text })
      const parent = record.payload.quizRecordId
      owed.push({ result: parent !== undefined && !valid.has(parent) ? 'held' : 'created', id: record.id })
    } else
      owed.push({
        result: first.text === text ? 'duplicate' : 'conflict',
        id: record.id,
        firstIndex: first.index,
      })
  }
  const json = JSON.stringify({ records: items }).replace(
    /"@@deep-(\d+)@@"/g,
    (_, n: string) => deep[Number(n)] ?? '',
  )
  return { json, owed }
}

export async function memberRecordCount(db: Db, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The answer matches what is owed, record by record, and the rows are exactly the new ones. */
export async function expectPushAnswer(
  r: Reply,
  batch: Batch,
  db: Db,
  memberId: string,
  before: number,
): Promise<void> {
  const context = `${r.status} ${r.text.slice(0, 400)}`
  if (Buffer.byteLength(batch.json) > PUSH_MAX_BYTES) {
    expect(r.status, context).toBe(413)
    expect(r.body?.error?.code, context).toBe('too_large')
    expect(await memberRecordCount(db, memberId)).toBe(before)
    return
  }
  expect(r.status, context).toBe(200)
  const results = r.body.results as Record<string, unknown>[]
  expect(results).toHaveLength(batch.owed.length)
  const seqOf = (i: number) => results[i]?.serverSeq
  batch.owed.forEach((owed, index) => {
    const got = results[index] as Record<string, unknown>
    const where = `record ${index}: ${JSON.stringify(got)}`
    expect(got.index, where).toBe(index)
    expect(got.result, where).toBe(owed.result)
    expect(got.id, where).toBe(owed.id)
    if (owed.result === 'invalid' || owed.result === 'forbidden')
      expect(got.error, where).toMatchObject({ code: owed.code, path: owed.path })
    else if (owed.result === 'duplicate' || owed.result === 'conflict')
      expect(got.serverSeq, where).toBe(seqOf(owed.firstIndex))
    else expect(Number.isInteger(got.serverSeq), where).toBe(true)
    if (owed.result === 'conflict') expect(got.error, where).toMatchObject({ code: 'conflict', path: 'id' })
  })

  const made = batch.owed.filter(
    (o): o is Extract<Owed, { result: 'created' | 'held' }> => o.result === 'created' || o.result === 'held',
  )
  expect(await memberRecordCount(db, memberId)).toBe(before + made.length)
  const ids = [...new Set(batch.owed.flatMap((o) => (typeof o.id === 'string' ? [o.id] : [])))]
  const rows = ids.length
    ? await db
        .selectFrom('records')
        .select(['id', 'status'])
        .where('member_id', '=', memberId)
        .where('id', 'in', ids)
        .execute()
    : []
  const status = new Map(rows.map((row) => [row.id, row.status]))
  expect(rows).toHaveLength(status.size)
  for (const o of made) expect(status.get(o.id), o.id).toBe(o.result === 'held' ? 'held' : 'accepted')
  // A broken record leaves no row behind unless a valid record of the batch has its id.
  const kept = new Set(made.map((o) => o.id))
  for (const id of ids) if (!kept.has(id)) expect(status.has(id), `row for rejected ${id}`).toBe(false)
}
