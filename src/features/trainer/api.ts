/**
 * The trainer screens' calls to our own server, each answering a typed result instead of
 * throwing: offline, logged out, not allowed, a field error from the server, or the value.
 * Bodies are read defensively (fields a newer server adds are welcome, missing optional ones
 * get defaults), because a trainer's tablet may run an older app than the server.
 */

import {
  type ApiResult,
  call,
  isObject,
  jsonInit,
  map,
  num,
  problemOf,
  type RosterProblem,
  str,
} from '../../platform/api-call.ts'

export type { ApiFailure, ApiResult, RosterProblem } from '../../platform/api-call.ts'

// ---- classes -------------------------------------------------------------------------------

export interface ClassInfo {
  readonly id: string
  readonly name: string
  readonly routeId: string | null
  readonly sceneIds: readonly string[]
  readonly startsOn: string
  readonly endsOn: string
  readonly relation: 'admin' | 'trainer' | 'member'
  /** null when the server does not say. */
  readonly memberCount: number | null
}

export interface Person {
  readonly id: string
  readonly displayName: string
  readonly memberNumber: string | null
  readonly branchId: string | null
  readonly branchName: string | null
}

export interface ClassDetail {
  readonly class: ClassInfo
  readonly trainers: readonly Person[]
  readonly members: readonly Person[]
}

export function classInfoOf(v: unknown): ClassInfo | undefined {
  if (!isObject(v)) return undefined
  const id = str(v.id)
  const name = str(v.name)
  const startsOn = str(v.startsOn)
  const endsOn = str(v.endsOn)
  if (!id || name === null || !startsOn || !endsOn) return undefined
  const relation = v.relation === 'admin' || v.relation === 'trainer' ? v.relation : 'member'
  return {
    id,
    name,
    routeId: str(v.routeId),
    sceneIds: Array.isArray(v.sceneIds) ? v.sceneIds.filter((s): s is string => typeof s === 'string') : [],
    startsOn,
    endsOn,
    relation,
    memberCount: num(v.memberCount) ?? (Array.isArray(v.memberIds) ? v.memberIds.length : null),
  }
}

export function personOf(v: unknown): Person | undefined {
  if (!isObject(v)) return undefined
  const id = str(v.id)
  if (!id) return undefined
  const branch = isObject(v.branch) ? v.branch : undefined
  return {
    id,
    displayName: str(v.displayName) ?? id,
    memberNumber: str(v.memberNumber),
    branchId: str(v.branchId) ?? str(branch?.id),
    branchName: str(v.branchName) ?? str(branch?.name) ?? (typeof v.branch === 'string' ? v.branch : null),
  }
}

const listOf = <T>(v: unknown, f: (x: unknown) => T | undefined): T[] =>
  Array.isArray(v) ? v.flatMap((x) => f(x) ?? []) : []

export async function fetchClasses(doFetch?: typeof fetch): Promise<ApiResult<ClassInfo[]>> {
  return map(await call('/api/classes', {}, doFetch), (b) =>
    isObject(b) ? listOf(b.classes, classInfoOf) : undefined,
  )
}

function detailOf(b: unknown): ClassDetail | undefined {
  const cls = isObject(b) ? classInfoOf(b.class) : undefined
  if (!isObject(b) || !cls) return undefined
  const members = listOf(b.members, personOf)
  return {
    class: { ...cls, memberCount: cls.memberCount ?? members.length },
    trainers: listOf(b.trainers, personOf),
    members,
  }
}

export async function fetchClass(classId: string, doFetch?: typeof fetch): Promise<ApiResult<ClassDetail>> {
  return map(await call(`/api/classes/${encodeURIComponent(classId)}`, {}, doFetch), detailOf)
}

export interface PulledPage {
  readonly records: readonly {
    serverSeq: number
    status: 'accepted' | 'held'
    flags: string[]
    record: unknown
  }[]
  readonly cursor: string
  readonly more: boolean
}

export async function fetchRecordsPage(
  classId: string,
  cursor: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<PulledPage>> {
  const path = `/api/classes/${encodeURIComponent(classId)}/records?cursor=${encodeURIComponent(cursor)}&limit=500`
  return map(await call(path, {}, doFetch), (b) => {
    if (!isObject(b) || !Array.isArray(b.records) || typeof b.cursor !== 'string') return undefined
    return {
      records: b.records.flatMap((r) =>
        isObject(r) && isObject(r.record)
          ? [
              {
                serverSeq: num(r.serverSeq) ?? 0,
                status: r.status === 'held' ? ('held' as const) : ('accepted' as const),
                flags: Array.isArray(r.flags)
                  ? r.flags.filter((f): f is string => typeof f === 'string')
                  : [],
                record: r.record,
              },
            ]
          : [],
      ),
      cursor: b.cursor,
      more: b.more === true,
    }
  })
}

// ---- creating a class ----------------------------------------------------------------------

export interface NewClass {
  readonly name: string
  readonly routeId: string | null
  readonly sceneIds: readonly string[]
  readonly startsOn: string
  readonly endsOn: string
  readonly trainerIds: readonly string[]
  readonly memberIds: readonly string[]
}

export async function createClass(input: NewClass, doFetch?: typeof fetch): Promise<ApiResult<ClassDetail>> {
  return map(await call('/api/classes', jsonInit('POST', input), doFetch), detailOf)
}

export interface RosterUploadResult {
  readonly added: number
  readonly alreadyMembers: number
  /** Not blocking (a branch that differs from the account's, …). */
  readonly warnings: readonly RosterProblem[]
}

/**
 * Sends a roster file (columns 姓名, 党员编号, 党支部) as it is: the server reads UTF-8 and the
 * GB18030 Excel saves. All rows or none: a refusal lists every problem by line.
 */
export async function uploadRoster(
  classId: string,
  file: Blob,
  doFetch?: typeof fetch,
): Promise<ApiResult<RosterUploadResult>> {
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file }
  return map(await call(`/api/classes/${encodeURIComponent(classId)}/roster`, init, doFetch), (b) => {
    if (!isObject(b)) return undefined
    const count = (v: unknown) => num(v) ?? (Array.isArray(v) ? v.length : 0)
    return {
      added: count(b.added),
      alreadyMembers: count(b.alreadyMembers),
      warnings: Array.isArray(b.warnings) ? b.warnings.flatMap(problemOf) : [],
    }
  })
}

/**
 * Adds member accounts to a class (its trainers and admins). Answers the class as it now is;
 * someone already in it stays once. A bad id refuses the whole request, at `memberIds.<i>`.
 */
export async function addMembers(
  classId: string,
  memberIds: readonly string[],
  doFetch?: typeof fetch,
): Promise<ApiResult<ClassDetail>> {
  return map(
    await call(
      `/api/classes/${encodeURIComponent(classId)}/members`,
      jsonInit('POST', { memberIds }),
      doFetch,
    ),
    detailOf,
  )
}

/**
 * Takes a member off a class's roster (204, also when they were not on it). Their records stay
 * theirs on the server; they only stop counting for this class.
 */
export async function removeMember(
  classId: string,
  memberId: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<true>> {
  return map(
    await call(
      `/api/classes/${encodeURIComponent(classId)}/members/${encodeURIComponent(memberId)}`,
      { method: 'DELETE' },
      doFetch,
    ),
    () => true as const,
  )
}

/**
 * A new password for a member of the class who forgot theirs, made by the server and answered
 * here once; every session of the member ends.
 */
export async function resetMemberPassword(
  classId: string,
  memberId: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<{ username: string; password: string }>> {
  return map(
    await call(
      `/api/classes/${encodeURIComponent(classId)}/members/${encodeURIComponent(memberId)}/reset-password`,
      { method: 'POST' },
      doFetch,
    ),
    (b) => {
      const username = isObject(b) ? str(b.username) : null
      const password = isObject(b) ? str(b.password) : null
      return username && password ? { username, password } : undefined
    },
  )
}

/**
 * Adds trainer or admin accounts as trainers of a class (its trainers and admins). Answers the
 * class as it now is; a bad id refuses the whole request, at `trainerIds.<i>`.
 */
export async function addTrainers(
  classId: string,
  trainerIds: readonly string[],
  doFetch?: typeof fetch,
): Promise<ApiResult<ClassDetail>> {
  return map(
    await call(
      `/api/classes/${encodeURIComponent(classId)}/trainers`,
      jsonInit('POST', { trainerIds }),
      doFetch,
    ),
    detailOf,
  )
}

/**
 * Takes a trainer off a class (204, also when they were not one). The server refuses the last
 * one (400 invalid at `userId`): a class always has a trainer.
 */
export async function removeTrainer(
  classId: string,
  trainerId: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<true>> {
  return map(
    await call(
      `/api/classes/${encodeURIComponent(classId)}/trainers/${encodeURIComponent(trainerId)}`,
      { method: 'DELETE' },
      doFetch,
    ),
    () => true as const,
  )
}

/** What PATCH /api/classes/:id may change here; the route never changes after creation. */
export interface ClassChange {
  readonly name?: string
  readonly startsOn?: string
  readonly endsOn?: string
}

export async function updateClass(
  classId: string,
  change: ClassChange,
  doFetch?: typeof fetch,
): Promise<ApiResult<ClassDetail>> {
  return map(
    await call(`/api/classes/${encodeURIComponent(classId)}`, jsonInit('PATCH', change), doFetch),
    detailOf,
  )
}

export interface Branch {
  readonly id: string
  readonly name: string
  /** Enabled member accounts in it; null when the server does not say. */
  readonly members: number | null
}

export async function fetchBranches(doFetch?: typeof fetch): Promise<ApiResult<Branch[]>> {
  return map(await call('/api/branches', {}, doFetch), (b) =>
    isObject(b)
      ? listOf(b.branches, (x) => {
          const id = isObject(x) ? str(x.id) : null
          const name = isObject(x) ? str(x.name) : null
          return id && name ? { id, name, members: isObject(x) ? num(x.members) : null } : undefined
        })
      : undefined,
  )
}

export interface PeopleQuery {
  readonly q?: string
  readonly branchId?: string
  readonly role?: 'member' | 'trainer' | 'admin'
  readonly limit?: number
}

export async function fetchPeople(query: PeopleQuery, doFetch?: typeof fetch): Promise<ApiResult<Person[]>> {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.branchId) params.set('branch', query.branchId)
  if (query.role) params.set('role', query.role)
  if (query.limit) params.set('limit', String(query.limit))
  const qs = params.toString()
  return map(await call(`/api/people${qs ? `?${qs}` : ''}`, {}, doFetch), (b) =>
    isObject(b) ? listOf(b.people, personOf) : undefined,
  )
}

// ---- coverage ------------------------------------------------------------------------------

export interface CoverageCounts {
  readonly members: number
  /** Attended a class: a check-in, completion or attestation belonging to one of their classes. */
  readonly attendedClass: number
  /** Checked in or attested at every stop of some route. */
  readonly completedRoute: number
  /** Completed a lesson in VR. */
  readonly vrLesson: number
  /** Any of these. */
  readonly any: number
}

/** A member no measure reached in the period: whom the organiser follows up. */
export interface UntrainedMember {
  readonly displayName: string
  readonly username: string
  /** 党员编号, when the account has one. */
  readonly memberNumber: string | null
}

export interface CoverageRow extends CoverageCounts {
  /** null: members without a branch. */
  readonly branchId: string | null
  readonly branchName: string | null
  /** By name; empty from a server too old to say. */
  readonly untrained: readonly UntrainedMember[]
}

export interface Coverage {
  readonly from: string
  readonly to: string
  readonly rows: readonly CoverageRow[]
  readonly totals: CoverageCounts
}

function countsOf(v: unknown): CoverageCounts | undefined {
  if (!isObject(v)) return undefined
  const members = num(v.members)
  if (members === null) return undefined
  return {
    members,
    attendedClass: num(v.attendedClass) ?? 0,
    completedRoute: num(v.completedRoute) ?? 0,
    vrLesson: num(v.vrLesson) ?? 0,
    any: num(v.any) ?? 0,
  }
}

function untrainedOf(v: unknown): UntrainedMember | undefined {
  if (!isObject(v)) return undefined
  const displayName = str(v.displayName)
  const username = str(v.username)
  if (displayName === null || username === null) return undefined
  return { displayName, username, memberNumber: str(v.memberNumber) }
}

/** The coverage of a period as a CSV file, one row per member (GET /api/coverage.csv). */
export const coverageCsvUrl = (from: string, to: string) =>
  `/api/coverage.csv?${new URLSearchParams({ from, to }).toString()}`

export async function fetchCoverage(
  from: string,
  to: string,
  doFetch?: typeof fetch,
): Promise<ApiResult<Coverage>> {
  const qs = new URLSearchParams({ from, to }).toString()
  return map(await call(`/api/coverage?${qs}`, {}, doFetch), (b) => {
    if (!isObject(b)) return undefined
    const totals = countsOf(b.totals)
    const period = isObject(b.period) ? b.period : {}
    if (!totals) return undefined
    const untrained = (x: Record<string, unknown>) => listOf(x.untrained, untrainedOf)
    const rows: CoverageRow[] = listOf(b.branches, (x) => {
      const c = countsOf(x)
      return c && isObject(x)
        ? { ...c, branchId: str(x.branchId), branchName: str(x.branchName), untrained: untrained(x) }
        : undefined
    })
    const none = countsOf(b.noBranch)
    if (none && none.members > 0 && isObject(b.noBranch))
      rows.push({ ...none, branchId: null, branchName: null, untrained: untrained(b.noBranch) })
    return { from: str(period.from) ?? from, to: str(period.to) ?? to, rows, totals }
  })
}

/**
 * Retires the class's attestation key and makes a new one (a trainer's phone lost or stolen):
 * codes the old key signs from now on are refused by members' phones that have the class's
 * new key list, and flagged by the server. Answers the new key's id.
 */
export async function rotateClassKey(classId: string, doFetch?: typeof fetch): Promise<ApiResult<string>> {
  return map(
    await call(`/api/classes/${encodeURIComponent(classId)}/keys/rotate`, { method: 'POST' }, doFetch),
    (b) => (isObject(b) ? (str(b.kid) ?? undefined) : undefined),
  )
}
