import { knownOffline } from './network.ts'

/**
 * The member's account on the server, as the device remembers it. The session itself is an
 * HttpOnly cookie the page cannot read; the device keeps who it belongs to (in the device
 * database, `meta.session`), so it can go on recording for that member offline for days.
 * Logging out on the server, which must survive being offline, is owed-logout.ts.
 */
export interface SessionInfo {
  readonly userId: string
  readonly username: string
  readonly displayName: string
  readonly role: 'member' | 'trainer' | 'admin'
  readonly branch: string | null
  readonly since: string
  /**
   * The password was set by someone else (an admin, a trainer, a roster) and not changed since:
   * the app asks the member to change it. Absent in sessions remembered before it existed.
   */
  readonly passwordGiven?: boolean
}

export type LoginResult =
  | { readonly kind: 'ok'; readonly session: SessionInfo }
  | { readonly kind: 'invalid-credentials' }
  | { readonly kind: 'rate-limited'; readonly retryAfterS?: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'error'; readonly status: number }

interface UserView {
  id: string
  username: string
  displayName: string
  role: SessionInfo['role']
  branch: { name: string } | null
  passwordGiven?: boolean
}

function sessionOf(user: UserView, now = new Date()): SessionInfo {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    branch: user.branch?.name ?? null,
    since: now.toISOString(),
    passwordGiven: user.passwordGiven === true,
  }
}

async function jsonOf(res: Response): Promise<unknown> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return undefined
  return res.json().catch(() => undefined)
}

export async function login(
  username: string,
  password: string,
  doFetch: typeof fetch = fetch,
): Promise<LoginResult> {
  let res: Response
  try {
    res = await doFetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    })
  } catch {
    return { kind: 'offline' }
  }
  const body = (await jsonOf(res)) as { user?: UserView } | undefined
  if (res.ok && body?.user) return { kind: 'ok', session: sessionOf(body.user) }
  if (res.status === 401) return { kind: 'invalid-credentials' }
  if (res.status === 429)
    return { kind: 'rate-limited', retryAfterS: Number(res.headers.get('retry-after')) || undefined }
  // A captive portal or a proxy answering for the server.
  if (res.ok || !body) return { kind: 'offline' }
  return { kind: 'error', status: res.status }
}

/** Who the server says the cookie belongs to: the user, 'expired' on 401, or 'unknown' offline. */
export async function whoAmI(doFetch: typeof fetch = fetch): Promise<SessionInfo | 'expired' | 'unknown'> {
  // The browser knows it has no network: the request could only fail, as an error in the console.
  if (knownOffline()) return 'unknown'
  try {
    const res = await doFetch('/api/me', { credentials: 'same-origin' })
    if (res.status === 401) return 'expired'
    const body = (await jsonOf(res)) as { user?: UserView } | undefined
    return res.ok && body?.user ? sessionOf(body.user) : 'unknown'
  } catch {
    return 'unknown'
  }
}
