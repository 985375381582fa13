/**
 * Calls to our own server from the online screens (trainer, admin, account), each answering a
 * typed result instead of throwing: offline, logged out, not allowed, a field error from the
 * server (with a roster's problems by line), or the value. A captive portal's 200 HTML page and a
 * proxy's 502–504 count as offline: neither is our server answering.
 */

export type ApiFailure =
  | { readonly ok: false; readonly kind: 'offline' }
  | { readonly ok: false; readonly kind: 'logged-out' }
  | { readonly ok: false; readonly kind: 'forbidden' }
  | { readonly ok: false; readonly kind: 'not-found' }
  /** A 4xx with the server's code, message and the field path it names (`memberIds.3`). */
  | {
      readonly ok: false
      readonly kind: 'invalid'
      readonly status: number
      readonly code: string
      readonly message: string
      readonly field: string | null
      /** Line-by-line problems, for a roster file. */
      readonly problems: readonly RosterProblem[]
    }
  | { readonly ok: false; readonly kind: 'error'; readonly status: number }

export interface RosterProblem {
  /** As a spreadsheet numbers it (the header is line 1); null when not about one line. */
  readonly line: number | null
  /** The server's English words, shown only when the app cannot say `code` itself. */
  readonly message: string
  /** Stable (server/classes/roster-csv.ts); null from a server before the codes. */
  readonly code: string | null
  /** name | member_number | branch; null or '' when about the file or the line. */
  readonly column: string | null
  /** What the code's sentence needs (firstLine, accountName, accountBranch, maxRows). */
  readonly values: Readonly<Record<string, unknown>>
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailure

export type Json = Record<string, unknown>

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export async function call(
  path: string,
  init: RequestInit = {},
  doFetch: typeof fetch = fetch,
): Promise<ApiResult<unknown>> {
  let res: Response
  try {
    res = await doFetch(path, { credentials: 'same-origin', ...init })
  } catch {
    return { ok: false, kind: 'offline' }
  }
  // 204: done, nothing to say (a removal). A captive portal answers 200 or a redirect, not 204.
  if (res.status === 204) return { ok: true, value: null }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json')
  const body: unknown = isJson ? await res.json().catch(() => undefined) : undefined
  if (res.ok) {
    // A captive portal answers 200 with its own HTML page: that is not our server.
    return body === undefined ? { ok: false, kind: 'offline' } : { ok: true, value: body }
  }
  if (res.status === 401) return { ok: false, kind: 'logged-out' }
  if (res.status === 403) return { ok: false, kind: 'forbidden' }
  if (res.status === 404) return { ok: false, kind: 'not-found' }
  const error = isObject(body) && isObject(body.error) ? body.error : undefined
  if (error && res.status < 500)
    return {
      ok: false,
      kind: 'invalid',
      status: res.status,
      code: str(error.code) ?? 'invalid',
      message: str(error.message) ?? '',
      field: str(error.field) ?? str(error.path),
      problems: Array.isArray(error.problems) ? error.problems.flatMap(problemOf) : [],
    }
  // A proxy's 502/503/504 page while our server is unreachable.
  if (body === undefined && res.status >= 502) return { ok: false, kind: 'offline' }
  return { ok: false, kind: 'error', status: res.status }
}

export function problemOf(p: unknown): RosterProblem[] {
  if (!isObject(p)) return []
  const message = str(p.message) ?? str(p.reason)
  if (message === null) return []
  return [
    {
      line: num(p.line),
      message,
      code: str(p.code),
      column: str(p.column),
      values: isObject(p.values) ? p.values : {},
    },
  ]
}

export const map = <T>(r: ApiResult<unknown>, f: (body: unknown) => T | undefined): ApiResult<T> => {
  if (!r.ok) return r
  const value = f(r.value)
  return value === undefined ? { ok: false, kind: 'error', status: 200 } : { ok: true, value }
}

export const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
