/**
 * Coverage for organisers (全覆盖): of the members of each branch, how many were trained in a
 * period, and how. A pure function of the members, their classes, the routes and their
 * accepted records; the server only queries (server/coverage/routes.ts).
 *
 * Definitions (also in the API description), each counting a member at most once:
 * - attended a class: at least one accepted check-in, lesson completion or trainer attestation
 *   of presence that belongs to a class the member is in — tagged with that class, or untagged
 *   and made during the class's dates (the same rule as the class's own records);
 * - completed a route: present at EVERY stop of some route — a check-in at the stop's site, or
 *   a trainer's attestation at it — all within the period (one trip or several);
 * - took a VR lesson: at least one lesson completion in mode `vr`;
 * - any: at least one of the three.
 * Per branch (and for members without one) the result also names the members reached by none of
 * them (`untrained`, by name): the people an organiser follows up. Names are personal data: the
 * server answers them to admins only and never logs them.
 * Only records whose corrected time falls in the period count: from the start of `from` to the
 * end of `to`, calendar days in China Standard Time (UTC+8). Flags do not discount a record
 * (they ask for a look, not a refusal); an admin deletes a record that should not count.
 */

export interface CoveragePeriod {
  /** YYYY-MM-DD, China Standard Time, inclusive. */
  readonly from: string
  readonly to: string
}

/** Who a member is, as an organiser following up needs it. Personal data: never logged. */
export interface CoveragePerson {
  readonly displayName: string
  /** The login name (用户名), unique. */
  readonly username: string
  /** 党员编号, when the account has one. */
  readonly memberNumber: string | null
}

export interface CoverageMember extends CoveragePerson {
  readonly id: string
  readonly branchId: string | null
}

export interface CoverageClass {
  readonly id: string
  readonly startsOn: string
  readonly endsOn: string
  readonly memberIds: readonly string[]
}

export interface CoverageRoute {
  readonly id: string
  readonly stopSiteIds: readonly string[]
}

/** The facts of a record coverage reads; `at` is the corrected time (ISO 8601). */
export type CoverageRecord = {
  readonly memberId: string
  readonly classId: string | null
  readonly at: string
} & (
  | { readonly kind: 'checkin'; readonly siteId: string }
  | { readonly kind: 'lesson.completed'; readonly mode: 'onsite' | 'remote' | 'vr' }
  | { readonly kind: 'attestation'; readonly siteId: string | null }
)

export interface CoverageInput {
  readonly period: CoveragePeriod
  readonly branches: readonly { readonly id: string; readonly name: string }[]
  readonly members: readonly CoverageMember[]
  readonly classes: readonly CoverageClass[]
  readonly routes: readonly CoverageRoute[]
  readonly records: readonly CoverageRecord[]
}

export interface CoverageCounts {
  readonly members: number
  readonly attendedClass: number
  readonly completedRoute: number
  readonly vrLesson: number
  readonly any: number
}

export interface CoverageGroup extends CoverageCounts {
  /** The group's members reached by none of the measures (any = no), by name then username. */
  readonly untrained: readonly CoveragePerson[]
}

export interface BranchCoverage extends CoverageGroup {
  readonly branchId: string
  readonly branchName: string
}

export interface Coverage {
  readonly period: CoveragePeriod
  /** Every branch, by name (Chinese collation), also those with no members. */
  readonly branches: readonly BranchCoverage[]
  /** Members who belong to no branch. */
  readonly noBranch: CoverageGroup
  readonly totals: CoverageCounts
}

/** One member and which measures reached them in the period. */
export interface MemberCoverage extends CoveragePerson {
  readonly id: string
  readonly branchId: string | null
  readonly attendedClass: boolean
  readonly completedRoute: boolean
  readonly vrLesson: boolean
  readonly any: boolean
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** The start of a China Standard Time calendar day, in ms since the epoch (UTC+8, no DST). */
export function chinaDayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}

/** [from, to) in ms for calendar days `first`..`last` inclusive, China Standard Time. */
export function chinaDaysMs(first: string, last: string): { from: number; to: number } {
  return { from: chinaDayStartMs(first), to: chinaDayStartMs(last) + DAY_MS }
}

interface Reached {
  attendedClass: boolean
  completedRoute: boolean
  vrLesson: boolean
}

/** Every member of the input, in its order, with the measures that reached them. */
export function coverageByMember(input: CoverageInput): MemberCoverage[] {
  const period = chinaDaysMs(input.period.from, input.period.to)
  const inPeriod = (at: string) => {
    const t = Date.parse(at)
    return t >= period.from && t < period.to
  }
  const classesOf = new Map<string, { id: string; from: number; to: number }[]>()
  for (const c of input.classes) {
    const window = { id: c.id, ...chinaDaysMs(c.startsOn, c.endsOn) }
    for (const m of c.memberIds) classesOf.set(m, [...(classesOf.get(m) ?? []), window])
  }
  const inSomeClass = (r: CoverageRecord) => {
    const t = Date.parse(r.at)
    return (classesOf.get(r.memberId) ?? []).some((c) =>
      r.classId === null ? t >= c.from && t < c.to : r.classId === c.id,
    )
  }

  const reached = new Map<string, Reached>(
    input.members.map((m) => [m.id, { attendedClass: false, completedRoute: false, vrLesson: false }]),
  )
  const sitesOf = new Map<string, Set<string>>()
  for (const r of input.records) {
    const m = reached.get(r.memberId)
    if (!m || !inPeriod(r.at)) continue
    if (!m.attendedClass && inSomeClass(r)) m.attendedClass = true
    if (r.kind === 'lesson.completed' && r.mode === 'vr') m.vrLesson = true
    const site = r.kind === 'checkin' ? r.siteId : r.kind === 'attestation' ? r.siteId : null
    if (site !== null) {
      const sites = sitesOf.get(r.memberId) ?? new Set<string>()
      sites.add(site)
      sitesOf.set(r.memberId, sites)
    }
  }
  const routes = input.routes.filter((r) => r.stopSiteIds.length > 0)
  for (const [memberId, sites] of sitesOf) {
    const m = reached.get(memberId)
    if (m) m.completedRoute = routes.some((route) => route.stopSiteIds.every((s) => sites.has(s)))
  }
  return input.members.map((m) => {
    const r = reached.get(m.id) ?? { attendedClass: false, completedRoute: false, vrLesson: false }
    return {
      id: m.id,
      branchId: m.branchId,
      displayName: m.displayName,
      username: m.username,
      memberNumber: m.memberNumber,
      ...r,
      any: r.attendedClass || r.completedRoute || r.vrLesson,
    }
  })
}

const collator = new Intl.Collator('zh-CN')
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Branches as coverage lists them: by name (Chinese collation), then id. */
export const sortBranches = <B extends { readonly id: string; readonly name: string }>(
  branches: readonly B[],
): B[] => [...branches].sort((a, b) => collator.compare(a.name, b.name) || byCode(a.id, b.id))

/** Members as coverage lists them within a group: by name (Chinese collation), then username. */
export const sortPeople = <P extends CoveragePerson>(people: readonly P[]): P[] =>
  [...people].sort((a, b) => collator.compare(a.displayName, b.displayName) || byCode(a.username, b.username))

const person = (m: CoveragePerson): CoveragePerson => ({
  displayName: m.displayName,
  username: m.username,
  memberNumber: m.memberNumber,
})

export function computeCoverage(input: CoverageInput): Coverage {
  const members = coverageByMember(input)
  const count = (rs: readonly MemberCoverage[]): CoverageCounts => ({
    members: rs.length,
    attendedClass: rs.filter((r) => r.attendedClass).length,
    completedRoute: rs.filter((r) => r.completedRoute).length,
    vrLesson: rs.filter((r) => r.vrLesson).length,
    any: rs.filter((r) => r.any).length,
  })
  const group = (rs: readonly MemberCoverage[]): CoverageGroup => ({
    ...count(rs),
    untrained: sortPeople(rs.filter((r) => !r.any)).map(person),
  })
  return {
    period: input.period,
    branches: sortBranches(input.branches).map((b) => ({
      branchId: b.id,
      branchName: b.name,
      ...group(members.filter((m) => m.branchId === b.id)),
    })),
    noBranch: group(members.filter((m) => m.branchId === null)),
    totals: count(members),
  }
}
