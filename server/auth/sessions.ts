import { writeWithoutFlush } from '../db/open.ts'
import type { Db, Dialect, Role } from '../db/tables.ts'
import { hashToken, newId, newToken } from './tokens.ts'

/**
 * Server-side sessions for the `__Host-hongtu_session` cookie.
 *
 * Lifetime (a documented ASVS deviation, server/README.md): field devices work offline for
 * days, so a session ends after `idleDays` without any request (sliding) and at the latest
 * `maxDays` after login, not after hours. Every session can be revoked: logout kills it, a
 * member can end their other devices' sessions, and disabling a user kills all of theirs.
 */
export interface SessionLifetime {
  readonly idleDays: number
  readonly maxDays: number
}

const DAY_MS = 86_400_000
/**
 * The expiry slides at most once per hour, so a busy device does not write its session on every
 * request: an hour is under 0.05 % of a 90-day idle lifetime, and the absolute limit (maxDays
 * after login) is exact whatever the step. A revoked or disabled session is refused at once: the
 * lookup reads revoked_at and the user's disabled_at on every request.
 */
export const SLIDE_STEP_MS = 3_600_000

const iso = (ms: number) => new Date(ms).toISOString()

function expiryOf(createdAtMs: number, lastSeenMs: number, life: SessionLifetime): number {
  return Math.min(lastSeenMs + life.idleDays * DAY_MS, createdAtMs + life.maxDays * DAY_MS)
}

export async function createSession(
  db: Db,
  userId: string,
  label: string,
  now: Date,
  life: SessionLifetime,
): Promise<{ token: string; sessionId: string; expiresAt: string }> {
  const token = newToken()
  const id = newId()
  const t = now.getTime()
  const expiresAt = iso(expiryOf(t, t, life))
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashToken(token),
      user_id: userId,
      created_at: iso(t),
      last_seen_at: iso(t),
      expires_at: expiresAt,
      revoked_at: null,
      label: label.slice(0, 80),
    })
    .execute()
  return { token, sessionId: id, expiresAt }
}

export interface SessionLookup {
  readonly sessionId: string
  readonly user: {
    id: string
    username: string
    displayName: string
    role: Role
    branchId: string | null
  }
  /** Set when the expiry moved: the cookie's Max-Age should move with it. */
  readonly slid: boolean
}

/**
 * The live session for a cookie token, sliding its expiry; undefined when unknown, revoked,
 * expired or disabled. Given the dialect, the slide is written without waiting for the disk
 * (db/open.ts writeWithoutFlush): lost in a power cut, the session keeps its previous expiry and
 * the next request slides it again.
 */
export async function lookupSession(
  db: Db,
  token: string,
  now: Date,
  life: SessionLifetime,
  dialect?: Dialect,
): Promise<SessionLookup | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id as userId',
      'users.username',
      'users.display_name',
      'users.role',
      'users.branch_id',
      'users.disabled_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  const t = now.getTime()
  if (!row || row.revoked_at !== null || row.disabled_at !== null || Date.parse(row.expires_at) <= t)
    return undefined
  let slid = false
  if (t - Date.parse(row.last_seen_at) >= SLIDE_STEP_MS) {
    const expiresAt = iso(expiryOf(Date.parse(row.created_at), t, life))
    const slide = (to: Db) =>
      to
        .updateTable('sessions')
        .set({ last_seen_at: iso(t), expires_at: expiresAt })
        .where('id', '=', row.sessionId)
        .execute()
    await (dialect ? writeWithoutFlush(db, dialect, slide) : slide(db))
    slid = true
  }
  return {
    sessionId: row.sessionId,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      branchId: row.branch_id,
    },
    slid,
  }
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Ends every session of a user (disabling, password reset, "log out everywhere"). */
export async function revokeAllSessions(db: Db, userId: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export const sessionMaxAgeS = (life: SessionLifetime) => Math.round(life.idleDays * 86_400)

/** Forgets sessions that ended (expired or revoked) more than 30 days ago; run at each login. */
export async function purgeEndedSessions(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 30 * DAY_MS).toISOString()
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
    .execute()
}
