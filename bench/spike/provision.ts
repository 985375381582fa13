import { dummyHash, type ScryptParams } from '../../server/auth/passwords.ts'
import type { SessionLifetime } from '../../server/auth/sessions.ts'
import { hashToken, newId, newToken } from '../../server/auth/tokens.ts'
import type { Db } from '../../server/db/tables.ts'

/**
 * Puts the county's members into the database before the theme day: branches, members and one
 * logged-in phone (a session) each, inserted in big batches straight into the tables.
 *
 * Logins are not part of the spike. On a theme day the phones are already logged in (a session
 * lasts 90 days without use, server/README.md), and a login costs one scrypt at 2^15 (≈ 50–100
 * ms of CPU on purpose, server/auth/passwords.ts): 100,000 logins would measure scrypt for
 * hours and nothing about sync. So every member gets the same password hash, a real scrypt hash
 * of a random password nobody knows (dummyHash), and a session row made exactly as
 * server/auth/sessions.ts makes one: a fresh CSPRNG token, stored only as its sha256
 * (tokens.ts), expiring `idleDays` after it was last seen. The session was last used two days
 * ago, so each member's first request of the day slides its expiry: a write, as in real life.
 * Every request of the spike then presents its member's own cookie, and the server really
 * looks each one up.
 */

export interface ProvisionedMember {
  readonly id: string
  /** The session cookie's value. */
  readonly token: string
}

const DAY_MS = 86_400_000
/** Rows per INSERT: 9 columns × 1,000 stays below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_INSERT = 1000
/** Rows per transaction: big enough to amortise a commit, small enough to keep each short. */
const ROWS_PER_TRANSACTION = 20_000

export const branchName = (b: number) => `主题党日压测第${b + 1}党支部`
export const spikeUsername = (i: number) => `spike${i}`

async function insertInBatches<T>(
  db: Db,
  rows: readonly T[],
  insert: (trx: Db, chunk: T[]) => Promise<unknown>,
) {
  for (let t = 0; t < rows.length; t += ROWS_PER_TRANSACTION) {
    const slice = rows.slice(t, t + ROWS_PER_TRANSACTION)
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < slice.length; i += ROWS_PER_INSERT)
        await insert(trx, slice.slice(i, i + ROWS_PER_INSERT))
    })
  }
}

export async function provisionMembers(
  db: Db,
  options: {
    readonly members: number
    readonly branches: number
    readonly now: Date
    readonly life: SessionLifetime
    readonly scrypt: ScryptParams
  },
): Promise<ProvisionedMember[]> {
  const createdAt = options.now.toISOString()
  const branchIds = Array.from({ length: options.branches }, () => newId())
  await insertInBatches(
    db,
    branchIds.map((id, b) => ({ id, name: branchName(b), created_at: createdAt })),
    (trx, chunk) => trx.insertInto('branches').values(chunk).execute(),
  )

  const passwordHash = await dummyHash(options.scrypt)
  const members = Array.from({ length: options.members }, () => ({ id: newId(), token: newToken() }))
  await insertInBatches(
    db,
    members.map((m, i) => ({
      id: m.id,
      username: spikeUsername(i),
      display_name: `学员${i + 1}`,
      member_number: `SPIKE-${String(i + 1).padStart(6, '0')}`,
      branch_id: branchIds[i % options.branches] as string,
      role: 'member' as const,
      password_hash: passwordHash,
      disabled_at: null,
      created_at: createdAt,
    })),
    (trx, chunk) => trx.insertInto('users').values(chunk).execute(),
  )

  // As createSession(…, now − 2 days, life) writes it; see the comment at the top.
  const loginMs = options.now.getTime() - 2 * DAY_MS
  const loginAt = new Date(loginMs).toISOString()
  const expiresAt = new Date(
    Math.min(loginMs + options.life.idleDays * DAY_MS, loginMs + options.life.maxDays * DAY_MS),
  ).toISOString()
  await insertInBatches(
    db,
    members.map((m) => ({
      id: newId(),
      token_hash: hashToken(m.token),
      user_id: m.id,
      created_at: loginAt,
      last_seen_at: loginAt,
      expires_at: expiresAt,
      revoked_at: null,
      label: 'Android 手机',
    })),
    (trx, chunk) => trx.insertInto('sessions').values(chunk).execute(),
  )
  return members
}
