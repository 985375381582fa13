import { gzipSync } from 'node:zlib'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import { z } from 'zod'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { requireUser } from '../auth/middleware.ts'
import type { AppServices } from '../context.ts'
import type { Database, Db } from '../db/tables.ts'
import { ApiError } from '../http/errors.ts'
import type { ApiRegistry } from '../http/registry.ts'
import { ingest, type PushResult } from './ingest.ts'
import { PushLimiter } from './push-limiter.ts'
import {
  OwnPullQuerySchema,
  ProgressSchema,
  type PullQuerySchema,
  PullResponseSchema,
  progressJson,
  recordOfRow,
} from './record-rows.ts'

/** Batches are small and sequential (notes/reliability.md P7): ≤ 100 records, ≤ 250 KiB. */
export const PUSH_MAX_RECORDS = 100
export const PUSH_MAX_BYTES = 250 * 1024

const PushBody = z.strictObject({
  records: z.array(z.unknown()).min(1).max(PUSH_MAX_RECORDS).meta({
    description:
      'Records (components.schemas.Record), each validated on its own so that one bad record does not reject the batch',
  }),
})

const error = z.strictObject({ code: z.string(), message: z.string(), path: z.string() })
const PushResultSchema = z.discriminatedUnion('result', [
  z.strictObject({
    index: z.number().int(),
    id: z.string(),
    result: z.enum(['created', 'duplicate', 'held']),
    serverSeq: z.number().int(),
    flags: z.array(z.string()),
  }),
  z.strictObject({
    index: z.number().int(),
    id: z.string(),
    result: z.enum(['conflict', 'deleted']),
    serverSeq: z.number().int(),
    error,
  }),
  z.strictObject({
    index: z.number().int(),
    id: z.string().nullable(),
    result: z.enum(['invalid', 'forbidden']),
    error,
  }),
])
const serverTime = z.string().meta({ description: 'For the device clock offset (serverTime − deviceTime)' })
const PushResponse = z.strictObject({ results: z.array(PushResultSchema), serverTime })
/**
 * The answer asked for with `Prefer: return=minimal` (RFC 7240): results in request order
 * without ids, and the batch they answer (count, first and last ids) so that the device can
 * check the answer is about exactly what it sent. Accepted records are a bare result word.
 */
const PushMinimalResponse = z.strictObject({
  batch: z.strictObject({
    count: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  }),
  results: z.array(
    z.union([
      z.enum(['created', 'duplicate', 'held']),
      z.strictObject({ result: z.enum(['conflict', 'deleted', 'invalid', 'forbidden']), error }),
      z.null().meta({ description: 'not answered: keep the record and send it again' }),
    ]),
  ),
  serverTime,
})
const MINIMAL = /(^|[,;\s])return=minimal($|[,;\s])/i

/** The minimal answer: see PushMinimalResponse. */
function minimalAnswer(items: readonly unknown[], results: readonly PushResult[], now: Date) {
  const idOf = (item: unknown) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
    return typeof id === 'string' ? id : null
  }
  const byIndex = new Map(results.map((r) => [r.index, r]))
  return {
    batch: { count: items.length, first: idOf(items[0]), last: idOf(items.at(-1)) },
    // Placed by each result's index, never by the order of the list: position i answers record i.
    results: Array.from({ length: items.length }, (_, i) => {
      const r = byIndex.get(i)
      return r === undefined ? null : 'error' in r ? { result: r.result, error: r.error } : r.result
    }),
    serverTime: now.toISOString(),
  }
}

/** Pull order is serverSeq; rows become visible in that order (see ingest.ts). */
export async function pullPage(
  db: Db,
  filter: RecordsFilter,
  query: z.infer<typeof PullQuerySchema>,
  exceptDevice?: string,
) {
  const after = Number(query.cursor ?? '0')
  const limit = query.limit ?? 500
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('status', '!=', 'deleted')
    .where(filter)
    .where('server_seq', '>', after)
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  // Left out after the read, not in it: the cursor still moves past the rows left out, so a
  // page of them is read once, not at every pull. A page may then hold fewer records, or none.
  return {
    records: page
      .filter((r) => r.device_id !== exceptDevice)
      .map((r) => ({
        serverSeq: r.server_seq,
        status: r.status as 'accepted' | 'held',
        flags: JSON.parse(r.flags) as string[],
        receivedAt: r.received_at,
        record: recordOfRow(r) as unknown as Record<string, unknown>,
      })),
    cursor: String(page.at(-1)?.server_seq ?? after),
    more: rows.length > limit,
  }
}

/** Which records a pull or a progress reads: a member's own, or a class's. */
export type RecordsFilter = (eb: ExpressionBuilder<Database, 'records'>) => Expression<SqlBool>

export function syncRoutes(api: ApiRegistry, s: AppServices): void {
  const limiter = new PushLimiter(s.config.syncPushesPerMinute)

  api.add(
    {
      method: 'post',
      path: '/api/sync/push',
      tag: 'sync',
      summary: 'Upload records; one result per record',
      access: 'a logged-in user (records of their own only)',
      body: PushBody,
      itemsCheckedByHandler: true,
      responses: {
        200: {
          description:
            'Per record: created | duplicate | held (the device may delete its copy), conflict | deleted | invalid | forbidden (keep it and show it). With `Prefer: return=minimal`, the minimal shape (results in request order, no ids) and `Preference-Applied: return=minimal`. The body may be sent gzip-compressed (`Content-Encoding: gzip`, at most 250 KiB once inflated).',
          schema: z.union([PushResponse, PushMinimalResponse]),
        },
        429: { description: '`rate_limited`: too many pushes this minute' },
      },
    },
    async (c, { body }) => {
      const user = requireUser(c)
      const wait = limiter.take(user.id, s.now().getTime())
      if (wait !== undefined)
        throw new ApiError(429, 'rate_limited', 'too many pushes; slow down', undefined, {
          'Retry-After': String(wait),
        })
      const { results, createdIds } = await ingest(s, user, body.records)
      // Committed: the trainers watching this member's classes may refresh (guided mode).
      if (createdIds.length > 0) s.guide?.recordsChanged(user.id)
      s.faults.afterPushCommit?.(c, { recordIds: createdIds })
      const counts: Record<string, number> = {}
      for (const r of results) counts[r.result] = (counts[r.result] ?? 0) + 1
      s.log('sync.push', { user: user.id, ...counts })
      if (MINIMAL.test(c.req.header('prefer') ?? '')) {
        c.header('Preference-Applied', 'return=minimal')
        const json = JSON.stringify(minimalAnswer(body.records, results, s.now()))
        // A kilobyte of repeated words: gzipped here in one call (a few µs), not streamed by the
        // compression middleware (about 0.6 ms a push, a tenth of the push's server time).
        c.header('Content-Type', 'application/json')
        c.header('Vary', 'Accept-Encoding')
        if (!/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) return c.body(json, 200)
        c.header('Content-Encoding', 'gzip')
        return c.body(new Uint8Array(gzipSync(json)), 200)
      }
      return c.json({ results, serverTime: s.now().toISOString() }, 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/sync/pull',
      tag: 'sync',
      summary:
        "The member's own records after a cursor (to rebuild a wiped device, or to follow the member's other devices)",
      access: 'a logged-in user (their own records)',
      query: OwnPullQuerySchema,
      responses: { 200: { description: 'A page of records', schema: PullResponseSchema } },
    },
    async (c, { query }) => {
      const user = requireUser(c)
      const { exceptDevice, ...page } = query
      return c.json(await pullPage(s.db, (eb) => eb('member_id', '=', user.id), page, exceptDevice), 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/me/progress',
      tag: 'me',
      summary: "The member's progress, projected from their records by the same function as on the device",
      access: 'a logged-in user (their own)',
      responses: { 200: { description: 'Progress', schema: ProgressSchema } },
    },
    async (c) => {
      const user = requireUser(c)
      return c.json(
        progressJson(projectProgress(await acceptedRecordsOf(s.db, (eb) => eb('member_id', '=', user.id)))),
        200,
      )
    },
  )
}

/** Records counted in progress: accepted ones (held records wait for their parent). */
export async function acceptedRecordsOf(db: Db, filter: RecordsFilter) {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('status', '=', 'accepted')
    .where(filter)
    .execute()
  return rows.map(recordOfRow)
}
