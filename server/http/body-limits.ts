import { ROSTER_MAX_BYTES, ROSTER_PATH } from '../classes/roster-routes.ts'
import { PUSH_MAX_BYTES } from '../sync/routes.ts'

/** Bodies of every endpoint but the sync push and rosters are small (a login, a new user). */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024

/**
 * The largest request body an API path accepts, in bytes of JSON (or CSV) as the handler reads
 * it: checked on the bytes received (app.ts) and again after a gzip body is inflated
 * (json-body.ts), so a small compressed body cannot unpack into a large one.
 */
export function bodyLimitFor(path: string): number {
  if (path === '/api/sync/push') return PUSH_MAX_BYTES
  if (ROSTER_PATH.test(path)) return ROSTER_MAX_BYTES
  return DEFAULT_MAX_BODY_BYTES
}
