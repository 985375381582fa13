import type { ClassChange, ClassDetail, ClassInfo, Person } from './api.ts'

/**
 * The pure part of "manage the class" on the dashboard: the name-and-dates form's checks (said
 * before a round trip, in the trainer's language; the server checks again, see
 * server/classes/class-input.ts), the change to send, what an "add" did, and finding a trainee
 * in a long roster.
 */

/** What a part of "manage the class" is given: the class, whether the server can be reached, and whom to tell after a change. */
export interface ClassChangeProps {
  readonly detail: ClassDetail
  readonly online: boolean
  readonly onChanged: () => void
}

/** The server's limits (server/classes/class-input.ts): name length in UTF-16 units, days. */
export const MAX_NAME_LENGTH = 80
export const MAX_CLASS_DAYS = 731

export type EditField = 'name' | 'startsOn' | 'endsOn'

export type EditProblem =
  | 'required'
  | 'name-too-long'
  | 'not-a-date'
  | 'ends-before-starts'
  /** Longer than MAX_CLASS_DAYS: a mistyped year (2062 for 2026), not a class. */
  | 'too-long'

export interface ClassEdit {
  readonly name: string
  /** YYYY-MM-DD, China Standard Time, as an <input type="date"> gives it ('' when cleared). */
  readonly startsOn: string
  readonly endsOn: string
}

export const editOf = (cls: Pick<ClassInfo, 'name' | 'startsOn' | 'endsOn'>): ClassEdit => ({
  name: cls.name,
  startsOn: cls.startsOn,
  endsOn: cls.endsOn,
})

/**
 * As the server stores a class's name (server/classes/class-input.ts): NFC, trimmed. NFKC here
 * turned "（第一期）" into "(第一期)", so the name always looked changed and a date edit renamed
 * the class.
 */
const cleanName = (s: string) => s.normalize('NFC').trim()

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

const DAY_MS = 86_400_000
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS

export function checkClassEdit(d: ClassEdit): Partial<Record<EditField, EditProblem>> {
  const problems: Partial<Record<EditField, EditProblem>> = {}
  const name = cleanName(d.name)
  if (name === '') problems.name = 'required'
  else if (name.length > MAX_NAME_LENGTH) problems.name = 'name-too-long'
  for (const f of ['startsOn', 'endsOn'] as const) {
    if (d[f] === '') problems[f] = 'required'
    else if (!isCalendarDate(d[f])) problems[f] = 'not-a-date'
  }
  if (!problems.startsOn && !problems.endsOn) {
    if (d.endsOn < d.startsOn) problems.endsOn = 'ends-before-starts'
    else if (daysBetween(d.startsOn, d.endsOn) >= MAX_CLASS_DAYS) problems.endsOn = 'too-long'
  }
  return problems
}

/** Only what differs from the class as it is; null when nothing does. */
export function changeOf(
  d: ClassEdit,
  cls: Pick<ClassInfo, 'name' | 'startsOn' | 'endsOn'>,
): ClassChange | null {
  const name = cleanName(d.name)
  const change: { name?: string; startsOn?: string; endsOn?: string } = {}
  if (name !== cls.name) change.name = name
  if (d.startsOn !== cls.startsOn) change.startsOn = d.startsOn
  if (d.endsOn !== cls.endsOn) change.endsOn = d.endsOn
  return Object.keys(change).length > 0 ? change : null
}

/**
 * What an "add these people" did, from the roster before and the class the server answered:
 * added now, already in the class, and asked for but not in the answer (should not happen; the
 * server refuses the whole request for a bad id).
 */
export function addOutcome(
  before: readonly string[],
  requested: readonly string[],
  after: readonly string[],
): { added: number; already: number; missing: number } {
  const had = new Set(before)
  const has = new Set(after)
  const asked = [...new Set(requested)]
  return {
    added: asked.filter((id) => !had.has(id) && has.has(id)).length,
    already: asked.filter((id) => had.has(id)).length,
    missing: asked.filter((id) => !had.has(id) && !has.has(id)).length,
  }
}

/**
 * The class's trainees whose name, member number or branch contains the query (NFKC, any
 * case), at most `limit` of them in roster order, and how many more matched.
 */
export function findTrainees(
  members: readonly Person[],
  query: string,
  limit: number,
): { shown: Person[]; more: number } {
  const q = query.normalize('NFKC').trim().toLowerCase()
  const hits = q
    ? members.filter((m) =>
        [m.displayName, m.memberNumber, m.branchName].some((v) =>
          v?.normalize('NFKC').toLowerCase().includes(q),
        ),
      )
    : [...members]
  return { shown: hits.slice(0, limit), more: Math.max(0, hits.length - limit) }
}
