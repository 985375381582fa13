import { rotateClassKey } from '../attest/keys.ts'
import { revokeAllSessions } from '../auth/sessions.ts'
import type { Db, Role } from '../db/tables.ts'

/**
 * When someone stops being a trainer of a class, what they held as its trainer must stop
 * working, not only the screens they see:
 *
 * - the class's signing key: a trainer's phone downloaded its private half to sign presence
 *   codes offline, and keeps it. The class gets a new key and the old one is retired, so codes
 *   the person signs from now on are refused by members' phones that know of it and flagged by
 *   the server (the same as for a lost phone: attest/keys.ts rotateClassKey). The remaining
 *   trainers' phones fetch the new key when next online (the dashboard prefetches it).
 * - their seat: an account whose role is changed to member loses its class_trainers rows;
 *   otherwise it kept reading every record of its former classes, leading them in guided mode
 *   and resetting members' passwords.
 * - their sessions, when their role changes: the role was read at login by the app and by open
 *   guided-mode connections, so they log in again as what they now are.
 */

/** The classes a user is a trainer of. */
export async function classesTrainedBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('class_trainers')
    .select('class_id')
    .where('user_id', '=', userId)
    .execute()
  return rows.map((r) => r.class_id)
}

/** New signing keys for classes a trainer left (removed from it, demoted, or disabled). */
export async function rotateKeysOfClassesLeft(db: Db, classIds: readonly string[], now: Date): Promise<void> {
  for (const classId of new Set(classIds)) await rotateClassKey(db, classId, now)
}

/**
 * An account's role changed from `from` to `to`; run in the transaction that changes it.
 * Returns the classes it stopped training (their keys were rotated).
 */
export async function applyRoleChange(
  db: Db,
  userId: string,
  from: Role,
  to: Role,
  now: Date,
): Promise<string[]> {
  if (from === to) return []
  await revokeAllSessions(db, userId, now)
  if (to !== 'member') return []
  const left = await classesTrainedBy(db, userId)
  if (left.length === 0) return []
  await db.deleteFrom('class_trainers').where('user_id', '=', userId).execute()
  await rotateKeysOfClassesLeft(db, left, now)
  return left
}
