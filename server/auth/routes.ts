import { z } from 'zod'
import { findUser, normaliseUsername } from '../admin/users.ts'
import type { AppServices } from '../context.ts'
import { isDemoPassword } from '../db/seed.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { clearCookie, DEVICE_COOKIE, readCookie, SESSION_COOKIE, setCookie } from './cookies.ts'
import { HashTime } from './hash-time.ts'
import { type Attempt, clearPairFailures, releaseAttempt, reserveLoginAttempt } from './login-limits.ts'
import { clientIp, lifetimeOf, requireUser } from './middleware.ts'
import { dummyHash, hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from './passwords.ts'
import { createSession, purgeEndedSessions, revokeSession, sessionMaxAgeS } from './sessions.ts'
import { hashToken, newToken } from './tokens.ts'
import { UserViewSchema } from './user-view.ts'

const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX),
})

const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: z.string().min(1).max(PASSWORD_MAX),
})

const SessionViewSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
})

const TRUSTED_DEVICE_MAX_AGE_S = 400 * 86_400

/** "Chrome on Android phone": enough for a member to recognise a device in their list, no more. */
function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? ''
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /MicroMessenger/.test(ua)
      ? 'WeChat'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Firefox\//.test(ua)
          ? 'Firefox'
          : /Safari\//.test(ua)
            ? 'Safari'
            : 'Browser'
  // Phones and tablets apart: a member often has both. (Chrome no longer sends the model.)
  const os = /Android/.test(ua)
    ? /Mobile/.test(ua)
      ? 'Android phone'
      : 'Android tablet'
    : /iPad/.test(ua)
      ? 'iPad'
      : /iPhone/.test(ua)
        ? 'iPhone'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Mac OS X/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : 'unknown system'
  return `${browser} on ${os}`
}

/** Whether the server answers only on this machine (a host name or address of loopback). */
export const listensOnLoopbackOnly = (host: string) =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)

export function authRoutes(api: ApiRegistry, s: AppServices): void {
  // Made at start-up, so that even the first unknown-user login costs one scrypt, not two.
  const dummy = dummyHash(s.scrypt)
  const hashTime = new HashTime()

  api.add(
    {
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Log in with username and password; sets the session cookie',
      access: 'anyone',
      public: true,
      body: LoginBody,
      responses: {
        200: { description: 'Logged in', schema: z.strictObject({ user: UserViewSchema }) },
        401: {
          description:
            '`invalid_credentials`: the same answer for an unknown user, a wrong password and a disabled account',
        },
        429: { description: '`rate_limited`, with Retry-After' },
      },
    },
    async (c, { body }) => {
      const now = s.now()
      const account = normaliseUsername(body.username)
      const user = await s.db
        .selectFrom('users')
        .select(['id', 'password_hash', 'disabled_at', 'password_given_at'])
        .where('username', '=', account)
        .executeTakeFirst()
      const deviceToken = readCookie(c, DEVICE_COOKIE)
      const trusted =
        user && deviceToken
          ? await s.db
              .selectFrom('trusted_devices')
              .select('token_hash')
              .where('token_hash', '=', hashToken(deviceToken))
              .where('user_id', '=', user.id)
              .executeTakeFirst()
          : undefined
      const attempt: Attempt = {
        account,
        ip: clientIp(c, s.config.trustProxy),
        trustedDevice: trusted?.token_hash ?? '',
      }
      const reserved = await reserveLoginAttempt(s.db, attempt, now)
      if ('retryAfterS' in reserved) {
        s.log('login.throttled', { retryAfterS: reserved.retryAfterS })
        throw new ApiError(429, 'rate_limited', 'too many failed logins; try again later', undefined, {
          'Retry-After': String(reserved.retryAfterS),
        })
      }
      // Unknown users are checked against a dummy hash of the same cost, so both answers take as
      // long; past the address's limit they only wait as long (login-limits.ts), costing no CPU.
      const ok =
        !user && reserved.addressFull
          ? await hashTime.wait().then(() => false)
          : await hashTime.measure(async () =>
              verifyPassword(body.password, user?.password_hash ?? (await dummy)),
            )
      if (!user || !ok || user.disabled_at !== null) {
        // The reserved row stays: it is this failure. Who tried is not logged (a username
        // typed into the password field would be); the known account is.
        s.log('login.failed', user ? { user: user.id } : {})
        throw new ApiError(401, 'invalid_credentials', 'wrong username or password')
      }
      await releaseAttempt(s.db, reserved.id)
      await clearPairFailures(s.db, attempt)
      await purgeEndedSessions(s.db, now)
      // A demo account's password is published (server/README.md). On a server other machines
      // can reach, whoever logs in with it is asked to change it, as for a password handed out.
      if (
        user.password_given_at === null &&
        !listensOnLoopbackOnly(s.config.host) &&
        isDemoPassword(account, body.password)
      )
        await s.db
          .updateTable('users')
          .set({ password_given_at: now.toISOString() })
          .where('id', '=', user.id)
          .execute()
      const session = await createSession(
        s.db,
        user.id,
        deviceLabel(c.req.header('user-agent')),
        now,
        lifetimeOf(s),
      )
      setCookie(c, SESSION_COOKIE, session.token, sessionMaxAgeS(lifetimeOf(s)))
      if (!trusted) {
        const device = newToken()
        await s.db
          .insertInto('trusted_devices')
          .values({ token_hash: hashToken(device), user_id: user.id, created_at: now.toISOString() })
          .execute()
        setCookie(c, DEVICE_COOKIE, device, TRUSTED_DEVICE_MAX_AGE_S)
      }
      s.log('login', { user: user.id })
      const view = await findUser(s.db, user.id)
      return c.json({ user: view }, 200)
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'End this session on the server and clear the cookie',
      access: 'a logged-in user',
      responses: { 204: { description: 'Logged out; the cookie no longer works anywhere' } },
    },
    async (c) => {
      const user = requireUser(c)
      await revokeSession(s.db, user.sessionId, s.now())
      s.guide?.sessionsEnded({ sessionId: user.sessionId })
      clearCookie(c, SESSION_COOKIE)
      s.log('logout', { user: user.id })
      return c.body(null, 204)
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/me/password',
      tag: 'auth',
      summary: 'Change your own password; your other sessions end, this one stays',
      access: 'a logged-in user (their own)',
      body: ChangePasswordBody,
      responses: {
        200: {
          description: 'Changed',
          schema: z.strictObject({
            endedSessions: z.number().int().meta({ description: 'Other devices logged out' }),
          }),
        },
        400: {
          description:
            '`wrong_password` at `currentPassword`; `invalid` at `newPassword` (too short or long, or the same as now)',
        },
        429: {
          description: '`rate_limited`, with Retry-After: wrong current passwords count as failed logins',
        },
      },
    },
    async (c, { body }) => {
      const user = requireUser(c)
      const now = s.now()
      // A wrong current password is a guess at the account's secret, counted as a failed login:
      // a borrowed phone that is still logged in cannot try passwords without limit here.
      const attempt: Attempt = {
        account: user.username,
        ip: clientIp(c, s.config.trustProxy),
        trustedDevice: `session:${user.sessionId}`,
      }
      const reserved = await reserveLoginAttempt(s.db, attempt, now)
      if ('retryAfterS' in reserved)
        throw new ApiError(429, 'rate_limited', 'too many wrong passwords; try again later', undefined, {
          'Retry-After': String(reserved.retryAfterS),
        })
      const row = await s.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow()
      // 400, not 401: the session is fine, and a client logs out on 401.
      if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
        s.log('password.change.refused', { user: user.id })
        throw new ApiError(400, 'wrong_password', 'the current password is not right', 'currentPassword')
      }
      await releaseAttempt(s.db, reserved.id)
      const problem =
        passwordProblem(body.newPassword) ??
        (body.newPassword === body.currentPassword ? 'is the same as the current password' : undefined)
      if (problem) throw new ApiError(400, 'invalid', problem, 'newPassword')
      const hash = await hashPassword(body.newPassword, s.scrypt)
      const ended = await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, password_given_at: null })
          .where('id', '=', user.id)
          .execute()
        return trx
          .updateTable('sessions')
          .set({ revoked_at: now.toISOString() })
          .where('user_id', '=', user.id)
          .where('id', '!=', user.sessionId)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute()
      })
      for (const e of ended) s.guide?.sessionsEnded({ sessionId: e.id })
      s.log('password.change', { user: user.id, endedSessions: ended.length })
      return c.json({ endedSessions: ended.length }, 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/me/sessions',
      tag: 'auth',
      summary: "The user's live sessions (devices)",
      access: 'a logged-in user (their own)',
      responses: {
        200: { description: 'Sessions', schema: z.strictObject({ sessions: z.array(SessionViewSchema) }) },
      },
    },
    async (c) => {
      const user = requireUser(c)
      const rows = await s.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', user.id)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', s.now().toISOString())
        .orderBy('last_seen_at', 'desc')
        .execute()
      const sessions = rows.map((r) => ({
        id: r.id,
        label: r.label,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
        current: r.id === user.sessionId,
      }))
      return c.json({ sessions }, 200)
    },
  )

  api.add(
    {
      method: 'delete',
      path: '/api/me/sessions/:sessionId',
      tag: 'auth',
      summary: 'End one of your sessions, e.g. a lost phone',
      access: 'a logged-in user (their own sessions only)',
      responses: { 204: { description: 'Ended' }, 404: { description: '`not_found`' } },
    },
    async (c) => {
      const user = requireUser(c)
      const id = pathParam(c, 'sessionId')
      const row = await s.db.selectFrom('sessions').select('user_id').where('id', '=', id).executeTakeFirst()
      // Another user's session is reported exactly like a missing one.
      if (!row || row.user_id !== user.id) throw notFound('no such session')
      await revokeSession(s.db, id, s.now())
      s.guide?.sessionsEnded({ sessionId: id })
      return c.body(null, 204)
    },
  )
}
