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

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD: class dates are China days. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
