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
 *
 * - per client address on all accounts together, from untrusted devices: 200 failures an hour.
 *   Each attempt costs a password hash, so one address trying a new username every time must not
 *   keep the server's CPU busy. Past it, the address is not refused (a class on one venue's
 *   Wi-Fi, or behind one carrier NAT, would all be locked out by anyone spraying 200 random
 *   names: security audit M2); instead an attempt on a name that is no account is answered
 *   without a hash (`addressFull`, routes.ts), and attempts on real accounts stay bounded by
 *   the per-account limits above. Both answers are the same 401 after the same time.
 */
export const WINDOW_MS = 3_600_000
export const LIMITS = {
  perPair: 10,
  untrustedPerAccount: 50,
  perTrustedDevice: 10,
  trustedPerAccount: 50,
  untrustedPerAddress: 200,
}

export interface Attempt {
  /** Normalised username as typed. */
  readonly account: string
  readonly ip: string
  /** sha256 of a trusted-device cookie that is valid for this account, or '' (untrusted). */
  readonly trustedDevice: string
}

/**
 * Counts the attempt as a failure before its password is checked: attempts sent all at once are
 * then limited exactly like attempts sent one after another, each seeing the ones written before
 * it. (Checking first and writing after the hash let a burst of parallel guesses all pass the
 * check.) Returns the row, to {@link releaseAttempt} when the attempt is refused or succeeds, or
 * the seconds to wait.
 */
export async function reserveLoginAttempt(
  db: Db,
  a: Attempt,
  now: Date,
): Promise<{ readonly id: number; readonly addressFull: boolean } | { readonly retryAfterS: number }> {
  await db
    .deleteFrom('login_failures')
    .where('at', '<', new Date(now.getTime() - WINDOW_MS).toISOString())
    .execute()
  const { id } = await db
    .insertInto('login_failures')
    .values({ account: a.account, ip: a.ip, device: a.trustedDevice, at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { wait, addressFull } = await limitsReached(db, a, now, id)
  if (wait === undefined) return { id, addressFull }
  await releaseAttempt(db, id)
  return { retryAfterS: wait }
}

/** Forgets a reserved attempt: refused before its password was checked, or it succeeded. */
export async function releaseAttempt(db: Db, id: number): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute()
}

/**
 * `wait`: undefined when the attempt may go ahead, otherwise seconds until it may;
 * `addressFull`: the address's own limit is reached (which never makes anyone wait).
 */
async function limitsReached(
  db: Db,
  a: Attempt,
  now: Date,
  own: number,
): Promise<{ wait: number | undefined; addressFull: boolean }> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString()
  // The attempts written before this one (ids grow in insertion order), of this account, or of
  // this address on any account.
  const failures = await db
    .selectFrom('login_failures')
    .select(['account', 'ip', 'device', 'at'])
    .where('id', '<', own)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('account', '=', a.account), eb('ip', '=', a.ip)]))
    .orderBy('id')
    .execute()
  const ofAccount = failures.filter((f) => f.account === a.account)
  const trusted = ofAccount.filter((f) => f.device !== '')
  const untrusted = ofAccount.filter((f) => f.device === '')
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
  const addressFull =
    a.trustedDevice === '' &&
    failures.filter((f) => f.ip === a.ip && f.device === '').length >= LIMITS.untrustedPerAddress
  let wait: number | undefined
  for (const { list, max } of buckets) {
    if (list.length < max) continue
    // The bucket frees up when its oldest counted failure leaves the window.
    const oldest = list[list.length - max]
    if (!oldest) continue
    const s = Math.ceil((Date.parse(oldest.at) + WINDOW_MS - now.getTime()) / 1000)
    wait = Math.max(wait ?? 0, s, 1)
  }
  return { wait, addressFull }
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
