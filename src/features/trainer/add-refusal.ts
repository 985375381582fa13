import type { ApiFailure, Person } from './api.ts'
import { fieldOfServerPath } from './new-class-form.ts'
import type { Say } from './strings.ts'

/**
 * What a refused "add these people to the class" says (trainees or trainers alike): the
 * server's reason, on the person it names when it names one (`memberIds.2` → the third chosen),
 * or the form's own words for offline, logged out and anything else.
 */
export function addRefusal(
  answer: ApiFailure,
  chosen: readonly Person[],
  field: 'members' | 'trainers',
  words: { readonly offline: Say; readonly failed: Say },
): { readonly say: Say; readonly person: boolean } {
  if (answer.kind === 'invalid') {
    const at = fieldOfServerPath(answer.field)
    const who = at?.field === field && at.index !== null ? chosen[at.index] : undefined
    const { message } = answer
    return {
      say: (t) => (who ? t.errPerson(who.displayName, t.serverSays(message)) : t.serverSays(message)),
      person: who !== undefined,
    }
  }
  const say: Say =
    answer.kind === 'offline'
      ? words.offline
      : answer.kind === 'logged-out'
        ? (t) => t.loginNeededBody
        : words.failed
  return { say, person: false }
}
