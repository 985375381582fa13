import type { Db } from '../db/tables.ts'

/**
 * Login throttling (notes/reliability.md P19; ASVS 4.0.3 2.2.1: ≤ 100 failed attempts per hour
 * per account) without letting an attacker lock the real user out:
 *
 * - per account and client address: 10 failures an hour, then that pair waits;
 * - per account from all untrusted devices together: 50 failures an hour, then every untrusted
 *   device waits (the soft global limit);
 * - a trusted device (one that has logged in to this account before and holds its
 *   `__Host-hongtu_device` cookie) is not held back by strangers' failures: it has its own 10 an
 *   hour, and all trusted devices of the account share 50.
 *
 * So an account sees at most 100 failures an hour, and a member on their own phone can still log
 * in while someone elsewhere guesses their password. Unknown usernames are counted the same way
 * as known ones, so throttling reveals nothing about which accounts exist.
 */
export const WINDOW_MS = 3_600_000
export const LIMITS = { perPair: 10, untrustedPerAccount: 50, perTrustedDevice: 10, trustedPerAccount: 50 }

export interface Attempt {
  /** Normalised username as typed. */
  readonly account: string
  readonly ip: string
  /** sha256 of a trusted-device cookie that is valid for this account, or '' (untrusted). */
  readonly trustedDevice: string
}

/** undefined when the attempt may go ahead; otherwise seconds until it may. */
export async function loginRetryAfterS(db: Db, a: Attempt, now: Date): Promise<number | undefined> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString()
  const failures = await db
    .selectFrom('login_failures')
    .select(['ip', 'device', 'at'])
    .where('account', '=', a.account)
    .where('at', '>', since)
    .orderBy('at')
    .execute()
  const trusted = failures.filter((f) => f.device !== '')
  const untrusted = failures.filter((f) => f.device === '')
  const buckets =
    a.trustedDevice !== ''
      ? [
          { list: trusted.filter((f) => f.device === a.trustedDevice), max: LIMITS.perTrustedDevice },
          { list: trusted, max: LIMITS.trustedPerAccount },
        ]
      : [
          { list: untrusted.filter((f) => f.ip === a.ip), max: LIMITS.perPair },
          { list: untrusted, max: LIMITS.untrustedPerAccount },
        ]
  let wait: number | undefined
  for (const { list, max } of buckets) {
    if (list.length < max) continue
    // The bucket frees up when its oldest counted failure leaves the window.
    const oldest = list[list.length - max]
    if (!oldest) continue
    const s = Math.ceil((Date.parse(oldest.at) + WINDOW_MS - now.getTime()) / 1000)
    wait = Math.max(wait ?? 0, s, 1)
  }
  return wait
}

export async function recordLoginFailure(db: Db, a: Attempt, now: Date): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ account: a.account, ip: a.ip, device: a.trustedDevice, at: now.toISOString() })
    .execute()
  await db
    .deleteFrom('login_failures')
    .where('at', '<', new Date(now.getTime() - WINDOW_MS).toISOString())
    .execute()
}

/** After a success, the failures of that address (or trusted device) on this account are forgotten. */
export async function clearPairFailures(db: Db, a: Attempt): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('account', '=', a.account)
    .where((eb) =>
      a.trustedDevice !== ''
        ? eb('device', '=', a.trustedDevice)
        : eb.and([eb('ip', '=', a.ip), eb('device', '=', '')]),
    )
    .execute()
}
