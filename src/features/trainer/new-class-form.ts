import type { NewClass } from './api.ts'

/**
 * The new-class form's own checks (said in the trainer's language, before a round trip) and the
 * mapping of the server's field paths (`memberIds.3`) back to the form's fields. The server
 * checks everything again; its message is shown for anything the form did not catch.
 */

export type FormField = 'name' | 'route' | 'startsOn' | 'endsOn' | 'trainers' | 'members' | 'roster'

export type FormProblem = 'required' | 'route-or-scene' | 'ends-before-starts'

export interface Draft {
  readonly name: string
  /** '' for no route. */
  readonly routeId: string
  readonly sceneIds: readonly string[]
  readonly startsOn: string
  readonly endsOn: string
}

export function checkDraft(d: Draft): Partial<Record<FormField, FormProblem>> {
  const problems: Partial<Record<FormField, FormProblem>> = {}
  if (d.name.trim() === '') problems.name = 'required'
  if (d.routeId === '' && d.sceneIds.length === 0) problems.route = 'route-or-scene'
  if (d.startsOn === '') problems.startsOn = 'required'
  if (d.endsOn === '') problems.endsOn = 'required'
  else if (d.startsOn !== '' && d.endsOn < d.startsOn) problems.endsOn = 'ends-before-starts'
  return problems
}

export function requestOf(d: Draft, trainerIds: readonly string[], memberIds: readonly string[]): NewClass {
  return {
    name: d.name.trim(),
    routeId: d.routeId === '' ? null : d.routeId,
    sceneIds: d.sceneIds,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    trainerIds,
    memberIds,
  }
}

/** The form field a server field path names, and the list index for people (`memberIds.3` → 3). */
export function fieldOfServerPath(path: string | null): { field: FormField; index: number | null } | null {
  if (!path) return null
  const [head, index] = path.split('.')
  const at = index !== undefined && /^\d+$/.test(index) ? Number(index) : null
  switch (head) {
    case 'name':
      return { field: 'name', index: null }
    case 'routeId':
    case 'sceneIds':
      return { field: 'route', index: at }
    case 'startsOn':
      return { field: 'startsOn', index: null }
    case 'endsOn':
      return { field: 'endsOn', index: null }
    case 'trainerIds':
      return { field: 'trainers', index: at }
    case 'memberIds':
      return { field: 'members', index: at }
    case 'roster':
      return { field: 'roster', index: null }
    default:
      return null
  }
}

/**
 * The last day of a route of `days` days starting on `startsOn` (YYYY-MM-DD China days, both
 * ends included: a 2-day route from 05-01 ends on 05-02); null when `startsOn` is no date.
 * Calendar arithmetic in UTC, so no time zone or daylight saving shifts a day.
 */
export function routeEndsOn(startsOn: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startsOn)
  if (!m) return null
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== startsOn) return null
  return new Date(start + (Math.max(1, days) - 1) * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The class's dates must cover every day of its route, or the later days' check-ins fall
 * outside the class and never count on its dashboard. So picking a route sets the end date to
 * the route's last day, and moving the start date moves it along, unless the trainer has set the
 * end date by hand since (`endsOnByHand`): then it is theirs. `days` is null for no route.
 */
export function withRoute(d: Draft, routeId: string, days: number | null): Draft {
  const endsOn = days === null ? null : routeEndsOn(d.startsOn, days)
  return { ...d, routeId, ...(endsOn ? { endsOn } : {}) }
}

export function withStartsOn(d: Draft, startsOn: string, days: number | null, endsOnByHand: boolean): Draft {
  const endsOn = days === null || endsOnByHand ? null : routeEndsOn(startsOn, days)
  return { ...d, startsOn, ...(endsOn ? { endsOn } : {}) }
}

/**
 * How the class's dates sit with its route of `days` days, said under the end date: they end on
 * the route's last day, before it (the later days would not count), or after it; null when
 * there is no route or no valid start date.
 */
export type RouteDates = {
  readonly fit: 'ends-with-route' | 'ends-before-route' | 'ends-after-route'
  readonly routeEndsOn: string
} | null

export function routeDates(d: Draft, days: number | null): RouteDates {
  const last = days === null ? null : routeEndsOn(d.startsOn, days)
  if (last === null || d.endsOn === '') return null
  const fit =
    d.endsOn === last ? 'ends-with-route' : d.endsOn < last ? 'ends-before-route' : 'ends-after-route'
  return { fit, routeEndsOn: last }
}

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD: class dates are China days. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
