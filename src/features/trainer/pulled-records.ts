import type { DashboardRecord } from '../../domain/classes/dashboard.ts'
import { RECORD_KINDS } from '../../domain/records/kinds.ts'
import { type AnyRecord, parseRecord } from '../../domain/records/record.ts'

/**
 * The class's records as pulled page by page: validated like the member's own on import, kept
 * one per record id (a full re-pull replaces a record's status and flags: a held completion is
 * released later without a new server position), in server order.
 */

export interface CachedRecord extends DashboardRecord {
  readonly serverSeq: number
}

export interface RawPulled {
  readonly serverSeq: number
  readonly status: 'accepted' | 'held'
  readonly flags: readonly string[]
  readonly record: unknown
}

/**
 * A record of a known kind is validated (and migrated) as the device would; one it cannot read
 * is dropped. A kind this app does not know yet (a newer server, or `attestation` before this
 * app knew it) is kept as it came: the dashboard reads such kinds by name, field by field.
 */
export function readPulled(raw: RawPulled): CachedRecord | undefined {
  const parsed = parseRecord(raw.record)
  if (parsed.ok)
    return { serverSeq: raw.serverSeq, status: raw.status, flags: [...raw.flags], record: parsed.record }
  const r = raw.record as { id?: unknown; kind?: unknown; memberId?: unknown; occurredAt?: unknown }
  const knownKind = typeof r.kind === 'string' && Object.hasOwn(RECORD_KINDS, r.kind)
  const envelopeOk =
    typeof r.id === 'string' && typeof r.memberId === 'string' && typeof r.occurredAt === 'string'
  if (knownKind || !envelopeOk || typeof r.kind !== 'string') return undefined
  return {
    serverSeq: raw.serverSeq,
    status: raw.status,
    flags: [...raw.flags],
    record: raw.record as AnyRecord,
  }
}

/** Adds pulled records to the ones kept; a record pulled again replaces its older copy. */
export function mergePulled(kept: readonly CachedRecord[], pulled: readonly CachedRecord[]): CachedRecord[] {
  const byId = new Map(kept.map((r) => [r.record.id, r]))
  for (const r of pulled) byId.set(r.record.id, r)
  return [...byId.values()].sort((a, b) => a.serverSeq - b.serverSeq)
}
