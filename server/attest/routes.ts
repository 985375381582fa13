import { z } from 'zod'
import { requireUser } from '../auth/middleware.ts'
import { classRelation, visibleClass } from '../classes/access.ts'
import type { AppServices } from '../context.ts'
import { forbidden } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { classPublicKeys, ensureClassKey, privateJwkOf, rotateClassKey } from './keys.ts'

/**
 * The keys of a class's attestation codes (src/domain/attest/). Members download the public
 * keys once, online, to verify the trainer's rotating code offline on the trip; trainers
 * download the private key once to show codes offline. Neither key is ever logged: the request
 * log has the path only, and these paths hold no key material.
 */

const PublicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
})

const ClassKeysResponse = z.strictObject({
  classId: z.string(),
  keys: z.array(
    z.strictObject({
      kid: z.string(),
      classId: z.string(),
      publicJwk: PublicJwkSchema,
      createdAt: z.string(),
      retiredAt: z.string().nullable(),
    }),
  ),
})

const SigningKeyResponse = z.strictObject({
  classId: z.string(),
  kid: z.string(),
  privateJwk: PublicJwkSchema.extend({ d: z.string() }).meta({
    description: 'ES256 private key (JWK). Import it non-extractable; never store it as text.',
  }),
})

export function attestRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId/keys',
      tag: 'classes',
      summary: "The class's public attestation keys, for verifying the trainer's code offline",
      access: 'its trainers, its members, admins (others: 404)',
      responses: {
        200: { description: 'Public keys, retired ones included', schema: ClassKeysResponse },
        404: { description: '`not_found`, also for a class this user may not see' },
      },
    },
    async (c) => {
      const { cls } = await visibleClass(s.db, pathParam(c, 'classId'), requireUser(c))
      // Made here too, so members who download before the trainer ever opened the code screen
      // can still verify its codes offline.
      await ensureClassKey(s.db, cls.id, s.now())
      return c.json({ classId: cls.id, keys: await classPublicKeys(s.db, cls.id) }, 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId/signing-key',
      tag: 'classes',
      summary: "The class's private attestation key, for showing its rotating code offline",
      access: 'its trainers only (members and admins who do not train it: 403, others: 404)',
      responses: {
        200: {
          description: 'The current signing key (not cached anywhere: no-store)',
          schema: SigningKeyResponse,
        },
        403: { description: '`forbidden`: a member of the class, or an admin who does not train it' },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const user = requireUser(c)
      const { cls, relation } = await visibleClass(s.db, pathParam(c, 'classId'), user)
      const trains =
        relation === 'trainer' ||
        (relation === 'admin' && (await classRelation(s.db, cls.id, user.id)) === 'trainer')
      if (!trains) throw forbidden("only the class's trainers may sign its codes")
      const key = await ensureClassKey(s.db, cls.id, s.now())
      c.header('Cache-Control', 'no-store')
      c.header('Pragma', 'no-cache')
      return c.json({ classId: cls.id, kid: key.kid, privateJwk: privateJwkOf(key) }, 200)
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/classes/:classId/keys/rotate',
      tag: 'classes',
      summary:
        "Retires the class's signing key and makes a new one (a trainer's phone lost or stolen): codes signed with the old key from now on are refused by members' phones and flagged by the server",
      access: 'its trainers and admins (members: 403, others: 404)',
      responses: {
        200: {
          description: "The new key's id and every public key of the class, the old ones marked retired",
          schema: ClassKeysResponse.extend({ kid: z.string() }),
        },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const user = requireUser(c)
      const { cls, relation } = await visibleClass(s.db, pathParam(c, 'classId'), user)
      if (relation === 'member') throw forbidden("only the class's trainers and admins may change its key")
      const key = await rotateClassKey(s.db, cls.id, s.now())
      // An audit line: who gave up the class's key, and which one is in use now (an id, not key material).
      s.log('class.key_rotated', { class: cls.id, by: user.id, kid: key.kid })
      return c.json({ classId: cls.id, kid: key.kid, keys: await classPublicKeys(s.db, cls.id) }, 200)
    },
  )
}
