import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import { z } from 'zod'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { requireUser } from '../auth/middleware.ts'
import type { AppServices } from '../context.ts'
import type { Database, Db } from '../db/tables.ts'
import { ApiError } from '../http/errors.ts'
import type { ApiRegistry } from '../http/registry.ts'
import { ingest } from './ingest.ts'
import { PushLimiter } from './push-limiter.ts'
import {
  ProgressSchema,
  PullQuerySchema,
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
const PushResponse = z.strictObject({
  results: z.array(PushResultSchema),
  serverTime: z.string().meta({ description: 'For the device clock offset (serverTime − deviceTime)' }),
})

/** Pull order is serverSeq; rows become visible in that order (see ingest.ts). */
export async function pullPage(db: Db, filter: RecordsFilter, query: z.infer<typeof PullQuerySchema>) {
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
  return {
    records: page.map((r) => ({
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
            'Per record: created | duplicate | held (the device may delete its copy), conflict | deleted | invalid | forbidden (keep it and show it)',
          schema: PushResponse,
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
      return c.json({ results, serverTime: s.now().toISOString() }, 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/sync/pull',
      tag: 'sync',
      summary: "The member's own records after a cursor (to rebuild a wiped device)",
      access: 'a logged-in user (their own records)',
      query: PullQuerySchema,
      responses: { 200: { description: 'A page of records', schema: PullResponseSchema } },
    },
    async (c, { query }) => {
      const user = requireUser(c)
      return c.json(await pullPage(s.db, (eb) => eb('member_id', '=', user.id), query), 200)
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
