import type { ApiFailure } from '../../platform/api-call.ts'
import type { useAdminStrings } from './strings.ts'

/** A refused or failed call in the admin's words (a roster's lines are listed apart). */
export function failureText(s: ReturnType<typeof useAdminStrings>, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'offline':
      return s.needsOnline
    case 'logged-out':
      return s.loggedOut
    case 'forbidden':
      return s.onlyAdmins
    case 'invalid':
      return s.serverSays(failure.message)
    case 'not-found':
      return s.serverError(404)
    case 'error':
      return s.serverError(failure.status)
  }
}
