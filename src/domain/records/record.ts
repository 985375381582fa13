import { z } from 'zod'
import { issueText } from '../zod-issue.ts'
import { type PayloadOf, RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind } from './kinds.ts'
import { UUID_PATTERN } from './uuidv7.ts'

/**
 * The record envelope (DESIGN.md "Records: one append-only log"). Created on the device, never
 * edited. `memberId` is what the device believed; the server takes the member from the session.
 */
export const RecordEnvelopeSchema = z.strictObject({
  id: z.string().regex(UUID_PATTERN, { error: 'is not a UUID' }),
  kind: z.enum(RECORD_KIND_NAMES as [RecordKind, ...RecordKind[]]),
  /** Version of the payload schema of this kind. */
  v: z.number().int().min(1),
  memberId: z.string().min(1).max(80),
  deviceId: z.string().min(1).max(80),
  /** Per-device counter from 1, for order; device clocks are not trusted for it. */
  seq: z.number().int().min(1),
  /** Device clock, ISO 8601. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** serverTime − deviceTime in ms at the last sync, when known. */
  clockOffsetMs: z.number().int().nullable(),
  classId: z.string().min(1).max(80).nullable(),
  contentVersion: z.string().min(1).max(80),
  payload: z.unknown(),
})

export type RecordEnvelope<K extends RecordKind = RecordKind> = Omit<
  z.infer<typeof RecordEnvelopeSchema>,
  'kind' | 'payload'
> & { kind: K; payload: PayloadOf<K> }

export type AnyRecord = { [K in RecordKind]: RecordEnvelope<K> }[RecordKind]

export type RecordProblem = { path: string; message: string }

/**
 * Validates an envelope and its payload, migrating an older payload version to the current
 * one. Returns the record at the current version, or the first problems found with their paths.
 */
export function parseRecord(
  input: unknown,
): { ok: true; record: AnyRecord } | { ok: false; problems: RecordProblem[] } {
  const env = RecordEnvelopeSchema.safeParse(input)
  if (!env.success)
    return {
      ok: false,
      problems: env.error.issues.map((i) => issueText(i)),
    }
  const def = RECORD_KINDS[env.data.kind]
  if (env.data.v > def.version)
    return { ok: false, problems: [{ path: 'v', message: `is newer than this app knows (${def.version})` }] }
  let payload: unknown = env.data.payload
  for (let v = env.data.v; v < def.version; v++) {
    const migrate = (def.migrations as Record<number, (old: unknown) => unknown>)[v]
    if (!migrate)
      return { ok: false, problems: [{ path: 'v', message: `has no migration from version ${v}` }] }
    payload = migrate(payload)
  }
  const parsed = def.schema.safeParse(payload)
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => issueText(i, ['payload'])),
    }
  return { ok: true, record: { ...env.data, v: def.version, payload: parsed.data } as AnyRecord }
}

/** Rounds a coordinate to 3 decimals (≈ 100 m), the precision kept at rest. */
export const coarse = (deg: number) => Math.round(deg * 1000) / 1000

/**
 * Rounds a check-in's distance from the site's centre to 50 m. The centre is public, so an exact
 * distance would put the member on a thin ring inside the ~100 m cell `coarse` leaves; nothing
 * shows the distance to anyone, and the server recomputes its own from the coordinates.
 */
export const coarseDistanceM = (m: number) => Math.round(m / 50) * 50
