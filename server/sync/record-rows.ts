import { z } from 'zod'
import type { Progress } from '../../src/domain/records/progress.ts'
import type { AnyRecord } from '../../src/domain/records/record.ts'
import type { RecordsTable } from '../db/tables.ts'

/** Stored rows back to the record envelope the device made, and the shapes the API answers. */

type Row = Pick<
  RecordsTable,
  | 'id'
  | 'kind'
  | 'v'
  | 'member_id'
  | 'device_id'
  | 'seq'
  | 'occurred_at'
  | 'clock_offset_ms'
  | 'class_id'
  | 'content_version'
  | 'payload'
>

/** The record as validated on the way in (payloads are stored after validation and migration). */
export function recordOfRow(row: Row): AnyRecord {
  return {
    id: row.id,
    kind: row.kind,
    v: row.v,
    memberId: row.member_id,
    deviceId: row.device_id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    clockOffsetMs: row.clock_offset_ms === null ? null : Number(row.clock_offset_ms),
    classId: row.class_id,
    contentVersion: row.content_version,
    payload: JSON.parse(row.payload),
  } as AnyRecord
}

export const PulledRecordSchema = z.strictObject({
  serverSeq: z.number().int(),
  status: z.enum(['accepted', 'held']),
  flags: z.array(z.string()),
  receivedAt: z.string(),
  record: z.record(z.string(), z.unknown()).meta({ description: 'A Record (components.schemas.Record)' }),
})

export const PullResponseSchema = z.strictObject({
  records: z.array(PulledRecordSchema),
  cursor: z.string().meta({ description: 'Opaque; pass it back to continue after the last record' }),
  more: z.boolean(),
})

export const PullQuerySchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'is not a cursor from an earlier pull' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

/**
 * A member's own pull can leave out one device's records: a device following what the member's
 * other devices did asks for the rest, and does not download again everything it sent itself.
 */
export const OwnPullQuerySchema = PullQuerySchema.extend({
  exceptDevice: z.string().min(1).max(80).optional(),
})

export const ProgressSchema = z.strictObject({
  stamps: z.array(
    z.strictObject({
      siteId: z.string(),
      at: z.string(),
      method: z.enum(['gps', 'qr']),
      recordId: z.string(),
    }),
  ),
  /** Sites where the trainer's presence code confirmed the member there (apart from check-ins). */
  attended: z.array(z.strictObject({ siteId: z.string(), at: z.string(), recordId: z.string() })),
  lessons: z.array(
    z.strictObject({
      lessonId: z.string(),
      completed: z.boolean(),
      completedAt: z.string().optional(),
      modes: z.array(z.enum(['onsite', 'remote', 'vr'])),
      bestScore: z.number().optional(),
      attempts: z.number().int(),
      passedAttempt: z.boolean(),
      reflections: z.number().int(),
    }),
  ),
  recordCount: z.number().int(),
})

/** The domain projection's maps as sorted arrays, for JSON. */
export function progressJson(p: Progress): z.infer<typeof ProgressSchema> {
  return {
    stamps: [...p.stamps.values()].sort((a, b) => a.siteId.localeCompare(b.siteId)),
    attended: [...p.attended.values()].sort((a, b) => a.siteId.localeCompare(b.siteId)),
    lessons: [...p.lessons.values()]
      .map((l) => ({ ...l, modes: [...l.modes] }))
      .sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
    recordCount: p.recordCount,
  }
}
