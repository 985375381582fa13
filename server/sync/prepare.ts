import { type AnyRecord, coarse, coarseDistanceM, parseRecord } from '../../src/domain/records/record.ts'
import { AttestationVerifier } from '../attest/verify.ts'
import { classesOfUser } from '../classes/access.ts'
import { standaloneLessonIds } from '../classes/scene-catalog.ts'
import type { AppServices, SessionUser } from '../context.ts'
import { NUL_MESSAGE, nulPath } from '../http/nul.ts'
import { canonicalJson, sha256Hex } from './canonical.ts'
import { FLAG } from './flags.ts'
import { type CheckinPoint, checkinPoint, isImpossibleTravel, TRAVEL_HORIZON_MS } from './travel.ts'
import { classFlags, clockFlags, contentFlags, correctedTimeMs } from './verify.ts'

/**
 * The first half of a push, outside any transaction: validate each record, check that it is
 * the session member's and names a class of theirs, and compute its verification flags. The
 * second half (ingest.ts) writes what survives, in one transaction.
 */

export type Rejection = {
  readonly index: number
  readonly id: string | null
  readonly result: 'invalid' | 'forbidden'
  readonly error: { code: string; message: string; path: string }
}

export interface Candidate {
  readonly index: number
  readonly record: AnyRecord
  /** sha256 of the canonical record: equal content, equal hash. */
  readonly hash: string
  /**
   * The hash this record was stored under before check-in distances were rounded to 50 m (it
   * was kept to the metre), when that differs: a device resending a record the server stored
   * then is answered `duplicate`, not `conflict`.
   */
  readonly earlierHash?: string
  readonly flags: string[]
  /** occurredAt corrected by clockOffsetMs, ISO UTC. */
  readonly correctedAt: string
}

const idOf = (item: unknown): string | null => {
  const id = (item as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id.slice(0, 80) : null
}

/**
 * Coordinates at rest are rounded to 3 decimals (≈ 100 m), whatever the schema let through, and
 * the distance from the site to 50 m (older app versions sent it to the metre).
 */
function coarsened(r: AnyRecord, distance: 'to-50-m' | 'as-sent' = 'to-50-m'): AnyRecord {
  if (r.kind !== 'checkin' || !r.payload.gps) return r
  const { lat, lng, distanceM } = r.payload.gps
  const gps = {
    ...r.payload.gps,
    lat: coarse(lat),
    lng: coarse(lng),
    distanceM: distance === 'to-50-m' ? coarseDistanceM(distanceM) : distanceM,
  }
  return { ...r, payload: { ...r.payload, gps } }
}

/** See Candidate.earlierHash. */
function earlierHash(parsed: AnyRecord, record: AnyRecord): string | undefined {
  if (parsed.kind !== 'checkin' || record.kind !== 'checkin') return undefined
  if (parsed.payload.gps?.distanceM === record.payload.gps?.distanceM) return undefined
  return sha256Hex(canonicalJson(coarsened(parsed, 'as-sent')))
}

/** occurred_at_corrected is ISO 8601 text, which exists (and sorts) only for years 0000–9999. */
const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z')
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z')

/**
 * What the schema allows but the database cannot keep: a NUL anywhere (http/nul.ts), or a clock
 * offset that moves the corrected time past any date (it was a RangeError, a 500, for the batch).
 * `canonical` is the record's canonical JSON, which is written anyway for its hash: JSON writes
 * U+0000 as \u0000 in strings and keys alike, so text without that sequence holds no NUL, and
 * only a record with it is walked.
 */
function storageProblem(
  r: AnyRecord,
  canonical: string,
  t: number,
): { path: string; message: string } | undefined {
  // The sequence may also be a member's own backslash followed by "u0000": walk to be sure.
  const nul = canonical.includes('\\u0000') ? nulPath(r) : undefined
  if (nul !== undefined) return { path: nul, message: NUL_MESSAGE }
  if (!(t >= EARLIEST_MS && t <= LATEST_MS))
    return { path: 'clockOffsetMs', message: 'moves occurredAt outside the years 0000–9999' }
  return undefined
}

export async function prepareBatch(
  s: AppServices,
  user: SessionUser,
  items: readonly unknown[],
  receivedAtMs: number,
): Promise<{ candidates: Candidate[]; rejections: Rejection[] }> {
  const rejections: Rejection[] = []
  // Asked first and awaited after validation, which is CPU work: on PostgreSQL the round trip
  // overlaps it. (Validation never awaits, so a failed query cannot go unhandled meanwhile.)
  const classesQuery = classesOfUser(s.db, user.id)

  const own: { index: number; record: AnyRecord; canonical: string; t: number; earlier?: string }[] = []
  for (const [index, item] of items.entries()) {
    const parsed = parseRecord(item)
    if (!parsed.ok) {
      const first = parsed.problems[0]
      rejections.push({
        index,
        id: idOf(item),
        result: 'invalid',
        error: { code: 'invalid', message: first?.message ?? 'is invalid', path: first?.path ?? '' },
      })
      continue
    }
    // Coarsening changes numbers only, so the canonical text of the stored record serves both.
    const record = coarsened(parsed.record)
    const canonical = canonicalJson(record)
    const t = correctedTimeMs(record)
    const unstorable = storageProblem(parsed.record, canonical, t)
    if (unstorable) {
      rejections.push({ index, id: idOf(item), result: 'invalid', error: { code: 'invalid', ...unstorable } })
      continue
    }
    // The member comes from the session. A record of someone else is refused, never re-owned.
    if (record.memberId !== user.id) {
      rejections.push({
        index,
        id: record.id,
        result: 'forbidden',
        error: { code: 'member_mismatch', message: 'is not the logged-in member', path: 'memberId' },
      })
      continue
    }
    own.push({ index, record, canonical, t, earlier: earlierHash(parsed.record, record) })
  }
  const [classes, storedCheckins] = await Promise.all([classesQuery, checkinsNear(s, user.id, own)])

  const candidates: Candidate[] = []
  const attestations = new AttestationVerifier(s, user.id)
  const isStandaloneLesson = (id: string) => standaloneLessonIds(s.config.projectRoot).has(id)
  for (const { index, record, canonical, t, earlier } of own) {
    if (record.classId !== null && !classes.has(record.classId)) {
      rejections.push({
        index,
        id: record.id,
        result: 'forbidden',
        error: { code: 'not_in_class', message: 'names a class this member is not in', path: 'classId' },
      })
      continue
    }
    const flags = [
      ...clockFlags(record, receivedAtMs, t),
      ...(await contentFlags(record, s.content, isStandaloneLesson)),
      ...classFlags(record, record.classId === null ? undefined : classes.get(record.classId), t),
      ...(record.kind === 'attestation' ? await attestations.flags(record) : []),
    ]
    const correctedAt = new Date(t).toISOString()
    candidates.push({
      index,
      record,
      hash: sha256Hex(canonical),
      ...(earlier ? { earlierHash: earlier } : {}),
      flags,
      correctedAt,
    })
  }

  flagImpossibleTravel(s, storedCheckins, candidates)
  rejections.sort((a, b) => a.index - b.index)
  return { candidates, rejections }
}

/**
 * The member's stored check-ins near the batch's in time: only those can be too far to reach
 * (see TRAVEL_HORIZON_MS). Asked beside the class query, before the class checks, so on
 * PostgreSQL the two round trips overlap; the window is narrowed to the accepted check-ins in
 * {@link flagImpossibleTravel}.
 */
async function checkinsNear(
  s: AppServices,
  memberId: string,
  records: readonly { record: AnyRecord; t: number }[],
): Promise<CheckinPoint[]> {
  const times = records.filter((r) => r.record.kind === 'checkin').map((r) => r.t)
  if (times.length === 0) return []
  const rows = await s.db
    .selectFrom('records')
    .select(['id', 'occurred_at_corrected', 'payload'])
    .where('member_id', '=', memberId)
    .where('kind', '=', 'checkin')
    .where('status', '!=', 'deleted')
    .where('occurred_at_corrected', '>=', new Date(Math.min(...times) - TRAVEL_HORIZON_MS).toISOString())
    .where('occurred_at_corrected', '<=', new Date(Math.max(...times) + TRAVEL_HORIZON_MS).toISOString())
    .execute()
  return rows.flatMap(
    (row) =>
      checkinPoint(row.id, Date.parse(row.occurred_at_corrected), JSON.parse(row.payload), s.content) ?? [],
  )
}

/** Adds `impossible-travel` to check-ins of the batch that are too far, too soon from a neighbour. */
function flagImpossibleTravel(
  s: AppServices,
  stored: readonly CheckinPoint[],
  candidates: Candidate[],
): void {
  const batch = new Map<Candidate, CheckinPoint>()
  for (const c of candidates) {
    if (c.record.kind !== 'checkin') continue
    const p = checkinPoint(c.record.id, Date.parse(c.correctedAt), c.record.payload, s.content)
    if (p) batch.set(c, p)
  }
  if (batch.size === 0) return
  // The stored check-ins within the horizon of the accepted ones, as if asked for those alone.
  const times = [...batch.values()].map((p) => p.t)
  const from = Math.min(...times) - TRAVEL_HORIZON_MS
  const to = Math.max(...times) + TRAVEL_HORIZON_MS
  const points = new Map<string, CheckinPoint>()
  for (const p of stored) if (p.t >= from && p.t <= to) points.set(p.recordId, p)
  for (const p of batch.values()) if (!points.has(p.recordId)) points.set(p.recordId, p)
  const timeline = [...points.values()].sort((a, b) => a.t - b.t)
  for (const [c, p] of batch) if (isImpossibleTravel(p, timeline)) c.flags.push(FLAG.impossibleTravel)
}
