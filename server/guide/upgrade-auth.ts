import type { IncomingMessage } from 'node:http'
import { SESSION_COOKIE } from '../auth/cookies.ts'
import { lookupSession } from '../auth/sessions.ts'
import type { AppServices, SessionUser } from '../context.ts'

/**
 * Who opens a guided-mode WebSocket: the user of the session cookie, as for every HTTP request
 * (never anything the page sends in a message), and only from our own origin.
 *
 * Browsers send cookies with a WebSocket handshake from any site that opens one to us, and the
 * same-origin policy does not apply to WebSockets: checking Origin is what stops another site's
 * page from riding a member's session (cross-site WebSocket hijacking). SameSite=Strict already
 * keeps the cookie off cross-site handshakes in current browsers; this is the second lock.
 */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    return TOKEN.test(value) ? value : undefined
  }
  return undefined
}

/** Whether the handshake's Origin is the host it was sent to (behind a trusted proxy: X-Forwarded-Host). */
export function sameOrigin(req: IncomingMessage, trustProxy: boolean): boolean {
  const origin = req.headers.origin
  if (!origin) return false
  const forwarded = trustProxy ? req.headers['x-forwarded-host'] : undefined
  const host = (typeof forwarded === 'string' && forwarded) || req.headers.host
  try {
    return !!host && new URL(origin).host === host
  } catch {
    return false
  }
}

export async function userOfToken(
  s: Pick<AppServices, 'db' | 'now' | 'config'>,
  token: string,
): Promise<SessionUser | undefined> {
  const found = await lookupSession(s.db, token, s.now(), {
    idleDays: s.config.sessionIdleDays,
    maxDays: s.config.sessionMaxDays,
  })
  return found ? { ...found.user, sessionId: found.sessionId } : undefined
}
