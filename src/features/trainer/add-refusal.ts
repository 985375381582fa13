import type { ApiFailure, Person } from './api.ts'
import { fieldOfServerPath } from './new-class-form.ts'
import type { TrainerStrings } from './strings.ts'

/**
 * What a refused "add these people to the class" says (trainees or trainers alike): the
 * server's reason, on the person it names when it names one (`memberIds.2` → the third chosen),
 * or the form's own words for offline, logged out and anything else.
 */
export function addRefusal(
  answer: ApiFailure,
  chosen: readonly Person[],
  field: 'members' | 'trainers',
  s: TrainerStrings,
  words: { readonly offline: string; readonly failed: string },
): { readonly message: string; readonly person: boolean } {
  if (answer.kind === 'invalid') {
    const at = fieldOfServerPath(answer.field)
    const who = at?.field === field && at.index !== null ? chosen[at.index] : undefined
    const said = s.serverSays(answer.message)
    return { message: who ? s.errPerson(who.displayName, said) : said, person: who !== undefined }
  }
  const message =
    answer.kind === 'offline'
      ? words.offline
      : answer.kind === 'logged-out'
        ? s.loginNeededBody
        : words.failed
  return { message, person: false }
}
