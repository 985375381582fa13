import { type ClassPublicKey, classKeyId } from '../../src/domain/attest/keys.ts'
import { generateSiteKeyPair, type PrivateSiteJwk, type PublicSiteJwk } from '../../src/domain/qr/keys.ts'
import type { ClassKeysTable, Db } from '../db/tables.ts'

/**
 * A class's attestation key pairs (table class_keys). The server makes a class's first pair on
 * first need, whoever asks first: a member downloading the class for the trip, or a trainer
 * opening the code screen. Keys never appear in logs; the private half leaves the server only
 * to the class's trainers (routes.ts).
 */

const publicOf = (row: ClassKeysTable): ClassPublicKey => ({
  kid: row.kid,
  classId: row.class_id,
  publicJwk: JSON.parse(row.public_jwk) as PublicSiteJwk,
  createdAt: row.created_at,
  retiredAt: row.retired_at,
})

function keysOf(db: Db, classId: string) {
  return db
    .selectFrom('class_keys')
    .selectAll()
    .where('class_id', '=', classId)
    .orderBy('created_at')
    .orderBy('kid')
    .execute()
}

/** The newest key not retired; undefined when the class has none. */
const activeOf = (rows: readonly ClassKeysTable[]) => rows.filter((r) => r.retired_at === null).at(-1)

/**
 * The class's signing key, made now if it has none. Two first requests at once both try to
 * insert the same kid (`cls-<class>-<n>`, n counted from the same snapshot); the key on kid
 * lets one win and the other read it back, on SQLite and PostgreSQL alike.
 */
export async function ensureClassKey(db: Db, classId: string, now: Date): Promise<ClassKeysTable> {
  const rows = await keysOf(db, classId)
  const active = activeOf(rows)
  if (active) return active
  const { publicJwk, privateJwk } = await generateSiteKeyPair()
  await db
    .insertInto('class_keys')
    .values({
      kid: classKeyId(classId, rows.length + 1),
      class_id: classId,
      public_jwk: JSON.stringify(publicJwk),
      private_jwk: JSON.stringify(privateJwk),
      created_at: now.toISOString(),
      retired_at: null,
    })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute()
  const made = activeOf(await keysOf(db, classId))
  if (!made) throw new Error('class key neither made nor found')
  return made
}

/**
 * Gives up the class's keys in use and makes a new one (a trainer's phone lost or stolen): codes
 * signed with an old key after `now` are refused by members' phones that know of the retirement
 * and flagged by the server (src/domain/attest/keys.ts). The new key is made first and the
 * others retired after it, so the class is never without a key; two rotations at once may
 * retire each other's new key, and the next request for a key then makes another.
 */
export async function rotateClassKey(db: Db, classId: string, now: Date): Promise<ClassKeysTable> {
  const { publicJwk, privateJwk } = await generateSiteKeyPair()
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await keysOf(db, classId)
    const kid = classKeyId(classId, rows.length + 1)
    const made = await db
      .insertInto('class_keys')
      .values({
        kid,
        class_id: classId,
        public_jwk: JSON.stringify(publicJwk),
        private_jwk: JSON.stringify(privateJwk),
        created_at: now.toISOString(),
        retired_at: null,
      })
      .onConflict((oc) => oc.column('kid').doNothing())
      .returningAll()
      .executeTakeFirst()
    // Another key got this number first (a rotation or a first key at the same moment): count again.
    if (!made) continue
    await db
      .updateTable('class_keys')
      .set({ retired_at: now.toISOString() })
      .where('class_id', '=', classId)
      .where('retired_at', 'is', null)
      .where('kid', '!=', kid)
      .execute()
    return made
  }
  throw new Error(`could not number a new key for class ${classId}`)
}

/** Every public key of the class, retired ones included (they still verify old codes). */
export async function classPublicKeys(db: Db, classId: string): Promise<ClassPublicKey[]> {
  return (await keysOf(db, classId)).map(publicOf)
}

export function privateJwkOf(row: ClassKeysTable): PrivateSiteJwk {
  const { kty, crv, x, y, d } = JSON.parse(row.private_jwk) as PrivateSiteJwk
  return { kty, crv, x, y, d }
}
