import type { AnyRecord } from '../records/record.ts'

/**
 * Reads a trainer's attestation of presence (kind `attestation`: a member scanned the trainer's
 * rotating code) out of a pulled record. The kind is read by name and its payload field by
 * field, because a dashboard must never fail on a record kind or a payload version it was
 * built without: anything it cannot read is simply not an attestation.
 */

export interface DashboardAttestation {
  readonly recordId: string
  /** Exactly one of siteId and lessonId is set. */
  readonly siteId: string | null
  readonly lessonId: string | null
  /** The trainer whose code was scanned, when the record names one. */
  readonly trainerId: string | null
  /** Device time of the scan (ISO 8601). */
  readonly at: string
  readonly flags: readonly string[]
}

const ATTESTATION_KIND = 'attestation'

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null)

export function attestationOf(
  pulled: { readonly record: AnyRecord; readonly flags: readonly string[] },
  classId: string,
): DashboardAttestation | undefined {
  const r = pulled.record as { kind: string; payload: unknown } & Pick<
    AnyRecord,
    'id' | 'occurredAt' | 'classId'
  >
  if (r.kind !== ATTESTATION_KIND || typeof r.payload !== 'object' || r.payload === null) return undefined
  const p = r.payload as Record<string, unknown>
  const ofClass = str(p.classId) ?? r.classId
  if (ofClass !== classId) return undefined
  const siteId = str(p.siteId)
  const lessonId = siteId === null ? str(p.lessonId) : null
  if (siteId === null && lessonId === null) return undefined
  return {
    recordId: r.id,
    siteId,
    lessonId,
    trainerId: str(p.trainerId) ?? str(p.attestedBy),
    at: r.occurredAt,
    flags: [...pulled.flags],
  }
}
