import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv, AppServices, SessionUser } from '../context.ts'
import type { Role } from '../db/tables.ts'
import { ApiError, forbidden, unauthenticated } from '../http/errors.ts'
import { readCookie, SESSION_COOKIE, setCookie } from './cookies.ts'
import { lookupSession, sessionMaxAgeS } from './sessions.ts'

export const lifetimeOf = (s: AppServices) => ({
  idleDays: s.config.sessionIdleDays,
  maxDays: s.config.sessionMaxDays,
})

/** Resolves the session cookie (if any) to `c.var.user`; never fails the request itself. */
export function authenticate(services: AppServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readCookie(c, SESSION_COOKIE)
    const found = token
      ? await lookupSession(services.db, token, services.now(), lifetimeOf(services), services.dialect)
      : undefined
    c.set('user', found ? { ...found.user, sessionId: found.sessionId } : undefined)
    if (found?.slid && token) setCookie(c, SESSION_COOKIE, token, sessionMaxAgeS(lifetimeOf(services)))
    await next()
  }
}

export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user')
  if (!user) throw unauthenticated()
  return user
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = requireUser(c)
  if (!roles.includes(user.role)) throw forbidden()
  return user
}

/**
 * Rejects a state-changing request whose Origin is another site. SameSite=Strict already keeps
 * the cookie off cross-site requests and JSON bodies need a CORS preflight we never grant; this
 * is the third lock on the same door.
 */
export function sameOriginWrites(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // Behind a proxy that rewrites Host, the public host is in X-Forwarded-Host.
      const host = (trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host')
      let originHost: string | undefined
      try {
        originHost = new URL(origin).host
      } catch {
        originHost = undefined
      }
      if (!host || originHost !== host)
        throw new ApiError(403, 'cross_origin', 'requests from another site are refused')
    }
    await next()
  }
}

/** The client's address: the socket's, or the last X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
    const last = hops.at(-1)
    if (last) return last.slice(0, 64)
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown'
}
