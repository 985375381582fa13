import { type LessonProgress, projectProgress } from '../records/progress.ts'
import type { AnyRecord } from '../records/record.ts'
import { attestationOf, type DashboardAttestation } from './attestation-reading.ts'
import {
  type DashboardClass,
  type DashboardColumns,
  type DashboardContent,
  type DashboardScene,
  dashboardColumns,
  type LessonColumn,
  type StopColumn,
} from './dashboard-columns.ts'

/**
 * A class's dashboard (培训班次看板) as ONE pure function of the content, the class, its members
 * and its records as the class pull returns them. The trainer's screen and the server's archive
 * exports (CSV, XLSX) both call it, so what a trainer sees is what the archive says.
 *
 * Progress comes from `projectProgress` over each member's ACCEPTED records, exactly as the
 * server's progress endpoint counts it; a held record (a completion waiting for its quiz) shows
 * as pending. Records of people not on the roster are left out. Everything is ordered
 * deterministically: columns by the route and the class's scenes, rows by name, then member
 * number, then id; lists inside a row by time, then id.
 */

export type {
  DashboardAttestation,
  DashboardClass,
  DashboardColumns,
  DashboardContent,
  DashboardScene,
  LessonColumn,
  StopColumn,
}

export interface DashboardMember {
  readonly id: string
  readonly displayName: string
  /** 党员编号, when the roster has it. */
  readonly memberNumber: string | null
  readonly branchId: string | null
  readonly branchName: string | null
}

/** One record as GET /api/classes/:id/records returns it (server/sync/record-rows.ts). */
export interface DashboardRecord {
  readonly record: AnyRecord
  /** The server's verification flags (server/sync/flags.ts), e.g. `geofence-outside`. */
  readonly flags: readonly string[]
  readonly status: 'accepted' | 'held'
}

export interface ClassDashboardInput {
  readonly content: DashboardContent
  readonly scenes: readonly DashboardScene[]
  readonly class: DashboardClass
  readonly members: readonly DashboardMember[]
  readonly records: readonly DashboardRecord[]
}

export interface DashboardCheckin {
  readonly recordId: string
  readonly method: 'gps' | 'qr'
  readonly verdict: 'inside' | 'qr-valid'
  /** Device time of the check-in (ISO 8601). */
  readonly at: string
  readonly flags: readonly string[]
}

export interface StopCell {
  readonly siteId: string
  /** The member's earliest check-in at the stop (as projectProgress picks it), if any. */
  readonly checkin: DashboardCheckin | null
  /** The trainer's attestation of presence at the stop, if the member has one. */
  readonly attestation: DashboardAttestation | null
  /** Checked in or attested. */
  readonly present: boolean
}

export interface LessonCell {
  readonly lessonId: string
  readonly completed: boolean
  readonly completedAt: string | null
  readonly modes: readonly ('onsite' | 'remote' | 'vr')[]
  /** Best share of questions right, 0..1; null before any scored attempt. */
  readonly bestScore: number | null
  readonly attempts: number
  readonly passed: boolean
  readonly reflections: number
  /** A completion the server holds until its quiz arrives. */
  readonly pending: boolean
  readonly attestation: DashboardAttestation | null
  /** Union of the flags of the member's records for this lesson, sorted. */
  readonly flags: readonly string[]
}

export interface DashboardReflection {
  readonly recordId: string
  readonly lessonId: string | null
  readonly siteId: string | null
  readonly text: string
  readonly at: string
  readonly flags: readonly string[]
}

export interface RowTotals {
  readonly stopsCheckedIn: number
  readonly stopsAttested: number
  readonly stopsPresent: number
  readonly lessonsCompleted: number
  /** Mean of the best scores of this row's lessons that have one, 0..1; null when none. */
  readonly meanScore: number | null
  readonly reflections: number
  /** How many of the member's records carry at least one flag. */
  readonly flaggedRecords: number
}

export interface DashboardRow {
  readonly member: DashboardMember
  /** In the order of `columns.stops`. */
  readonly stops: readonly StopCell[]
  /** In the order of `columns.lessons`. */
  readonly lessons: readonly LessonCell[]
  readonly reflections: readonly DashboardReflection[]
  readonly totals: RowTotals
}

export interface StopSummary {
  readonly siteId: string
  readonly checkedIn: number
  readonly attested: number
  readonly present: number
}

export interface LessonSummary {
  readonly lessonId: string
  readonly completed: number
  /** completed / members, 0..1; 0 for a class with no members. */
  readonly completionRate: number
  /** Mean of the members' best scores that exist, 0..1; null when none. */
  readonly meanScore: number | null
}

export interface DashboardSummary {
  readonly members: number
  readonly stops: readonly StopSummary[]
  readonly lessons: readonly LessonSummary[]
  /** Mean over every (member, lesson) best score that exists, 0..1; null when none. */
  readonly meanScore: number | null
}

export interface DashboardBranch {
  /** null for members without a branch. */
  readonly id: string | null
  readonly name: string | null
  readonly members: number
}

export interface ClassDashboard {
  readonly class: DashboardClass
  readonly columns: DashboardColumns
  readonly rows: readonly DashboardRow[]
  readonly summary: DashboardSummary
  /** The branches of the members (for a filter), by name, members without a branch last. */
  readonly branches: readonly DashboardBranch[]
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length)
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const nameCollator = new Intl.Collator('zh-CN')

/** Rows by name (Chinese collation), then member number (none last), then id. */
export function compareMembers(a: DashboardMember, b: DashboardMember): number {
  return (
    nameCollator.compare(a.displayName, b.displayName) ||
    (a.memberNumber === b.memberNumber
      ? 0
      : a.memberNumber === null
        ? 1
        : b.memberNumber === null
          ? -1
          : byCodePoint(a.memberNumber, b.memberNumber)) ||
    byCodePoint(a.id, b.id)
  )
}

export function buildClassDashboard(input: ClassDashboardInput): ClassDashboard {
  const columns = dashboardColumns(input.content, input.scenes, input.class)
  const members = [...input.members].sort(compareMembers)
  const recordsOf = new Map<string, DashboardRecord[]>(members.map((m) => [m.id, []]))
  for (const r of input.records) recordsOf.get(r.record.memberId)?.push(r)

  const rows = members.map((m) => buildRow(m, recordsOf.get(m.id) ?? [], columns, input.class.id))
  return {
    class: input.class,
    columns,
    rows,
    summary: summarise(rows, columns),
    branches: branchesOf(members),
  }
}

function buildRow(
  member: DashboardMember,
  records: readonly DashboardRecord[],
  columns: DashboardColumns,
  classId: string,
): DashboardRow {
  const accepted = records.filter((r) => r.status === 'accepted')
  const progress = projectProgress(accepted.map((r) => r.record))
  const flagsOf = new Map(records.map((r) => [r.record.id, r.flags]))

  const attestations = accepted.flatMap((r) => attestationOf(r, classId) ?? [])
  const firstAttestation = (pick: (a: DashboardAttestation) => boolean) =>
    attestations
      .filter(pick)
      .sort((a, b) => byCodePoint(a.at, b.at) || byCodePoint(a.recordId, b.recordId))[0] ?? null

  const stops = columns.stops.map((col): StopCell => {
    const stamp = progress.stamps.get(col.siteId)
    const record = stamp && accepted.find((r) => r.record.id === stamp.recordId)?.record
    const checkin =
      stamp && record?.kind === 'checkin'
        ? {
            recordId: stamp.recordId,
            method: stamp.method,
            verdict: record.payload.verdict,
            at: stamp.at,
            flags: [...(flagsOf.get(stamp.recordId) ?? [])],
          }
        : null
    const attestation = firstAttestation((a) => a.siteId === col.siteId)
    return { siteId: col.siteId, checkin, attestation, present: checkin !== null || attestation !== null }
  })

  const lessons = columns.lessons.map((col) =>
    lessonCell(
      col,
      progress.lessons.get(col.lessonId),
      records,
      firstAttestation((a) => a.lessonId === col.lessonId),
    ),
  )

  // The class's own: a reflection on one of its lessons or stops, or on none. One on a lesson
  // the member took outside the class (the record still names the class) is not its.
  const classLessons = new Set<string>(columns.lessons.map((c) => c.lessonId))
  const classSites = new Set<string>(columns.stops.map((c) => c.siteId))
  const ofClass = (p: { lessonId?: string; siteId?: string }) =>
    p.lessonId !== undefined
      ? classLessons.has(p.lessonId)
      : p.siteId === undefined || classSites.has(p.siteId)
  const reflections = accepted
    .flatMap((r): DashboardReflection[] =>
      r.record.kind === 'reflection' && ofClass(r.record.payload)
        ? [
            {
              recordId: r.record.id,
              lessonId: r.record.payload.lessonId ?? null,
              siteId: r.record.payload.siteId ?? null,
              text: r.record.payload.text,
              at: r.record.occurredAt,
              flags: [...r.flags],
            },
          ]
        : [],
    )
    .sort((a, b) => byCodePoint(a.at, b.at) || byCodePoint(a.recordId, b.recordId))

  const scores = lessons.flatMap((l) => (l.bestScore === null ? [] : [l.bestScore]))
  return {
    member,
    stops,
    lessons,
    reflections,
    totals: {
      stopsCheckedIn: stops.filter((s) => s.checkin).length,
      stopsAttested: stops.filter((s) => s.attestation).length,
      stopsPresent: stops.filter((s) => s.present).length,
      lessonsCompleted: lessons.filter((l) => l.completed).length,
      meanScore: mean(scores),
      reflections: lessons.reduce((n, l) => n + l.reflections, 0),
      flaggedRecords: records.filter((r) => r.flags.length > 0).length,
    },
  }
}

function lessonCell(
  col: LessonColumn,
  p: LessonProgress | undefined,
  records: readonly DashboardRecord[],
  attestation: DashboardAttestation | null,
): LessonCell {
  const mine = records.filter((r) => lessonIdOf(r.record) === col.lessonId)
  return {
    lessonId: col.lessonId,
    completed: p?.completed ?? false,
    completedAt: p?.completedAt ?? null,
    modes: p?.modes ?? [],
    bestScore: p?.bestScore ?? null,
    attempts: p?.attempts ?? 0,
    passed: p?.passedAttempt ?? false,
    reflections: p?.reflections ?? 0,
    pending: !p?.completed && mine.some((r) => r.status === 'held' && r.record.kind === 'lesson.completed'),
    attestation,
    flags: [...new Set(mine.flatMap((r) => r.flags))].sort(byCodePoint),
  }
}

function lessonIdOf(r: AnyRecord): string | undefined {
  switch (r.kind) {
    case 'lesson.completed':
    case 'quiz.submitted':
      return r.payload.lessonId
    case 'reflection':
      return r.payload.lessonId
    default:
      return undefined
  }
}

function summarise(rows: readonly DashboardRow[], columns: DashboardColumns): DashboardSummary {
  const n = rows.length
  return {
    members: n,
    stops: columns.stops.map((col, i) => ({
      siteId: col.siteId,
      checkedIn: rows.filter((r) => r.stops[i]?.checkin).length,
      attested: rows.filter((r) => r.stops[i]?.attestation).length,
      present: rows.filter((r) => r.stops[i]?.present).length,
    })),
    lessons: columns.lessons.map((col, i) => {
      const completed = rows.filter((r) => r.lessons[i]?.completed).length
      return {
        lessonId: col.lessonId,
        completed,
        completionRate: n === 0 ? 0 : completed / n,
        meanScore: mean(rows.flatMap((r) => r.lessons[i]?.bestScore ?? [])),
      }
    }),
    meanScore: mean(
      rows.flatMap((r) => r.lessons.flatMap((l) => (l.bestScore === null ? [] : [l.bestScore]))),
    ),
  }
}

function branchesOf(members: readonly DashboardMember[]): DashboardBranch[] {
  const byId = new Map<string | null, { id: string | null; name: string | null; members: number }>()
  for (const m of members) {
    const b = byId.get(m.branchId) ?? { id: m.branchId, name: m.branchName, members: 0 }
    b.members += 1
    byId.set(m.branchId, b)
  }
  return [...byId.values()].sort((a, b) =>
    a.id === null
      ? 1
      : b.id === null
        ? -1
        : nameCollator.compare(a.name ?? '', b.name ?? '') || byCodePoint(a.id, b.id),
  )
}
