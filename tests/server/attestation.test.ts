/**
 * Why: a trainer's rotating code is checked offline by the member's phone, which the server
 * cannot trust, so the server checks every attestation again when it arrives and flags what
 * fails instead of dropping offline work (src/domain/attest/replay.ts has the rules). The keys
 * behind the codes decide who can vouch for presence, so who may fetch which half is tested
 * for every kind of caller, and no key may reach the logs. Codes are signed here exactly as the
 * trainer's device signs them: with the private key the signing-key endpoint hands out.
 */
import { describe, expect, it } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { ensureClassKey, privateJwkOf } from '../../server/attest/keys.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { attestationPayload } from '../../src/domain/attest/payload.ts'
import { attestClaims, signAttestToken } from '../../src/domain/attest/sign.ts'
import { type AttestClaims, type AttestPlace, parseAttestToken } from '../../src/domain/attest/token.ts'
import { stepStartMs } from '../../src/domain/attest/window.ts'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { Device } from './driver.ts'
import { DATABASES, serverPerTest, TEST_SCRYPT } from './harness.ts'

const MINUTE = 60_000
const OTHER_CLASS = 'yimeng-other-class'

describe.each(DATABASES)('attestation keys and re-verification on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)

  /** The demo class (trainer1; member1, member2) and another class (trainer2; member3). */
  async function start() {
    const s = await startServer()
    const { db } = s.services
    const now = s.clock.now()
    for (const u of [
      { id: 'member3', username: 'member3', role: 'member', branchName: '沂蒙支部' },
      { id: 'trainer2', username: 'trainer2', role: 'trainer' },
    ] as const)
      await createUser(
        db,
        { ...u, displayName: u.username, password: `${u.username}-password` },
        now,
        TEST_SCRYPT,
      )
    await db
      .insertInto('classes')
      .values({
        id: OTHER_CLASS,
        name: '沂蒙班',
        route_id: 'yimeng-linyi',
        starts_on: '2026-05-01',
        ends_on: '2026-06-30',
        created_at: now.toISOString(),
        scene_ids: '[]',
        created_by: null,
      })
      .execute()
    await db.insertInto('class_trainers').values({ class_id: OTHER_CLASS, user_id: 'trainer2' }).execute()
    await db
      .insertInto('class_members')
      .values({ class_id: OTHER_CLASS, user_id: 'member3', untagged_from: '' })
      .execute()

    const trainer = new Device(s)
    const trainerId = await trainer.loginAs('trainer1')
    const member = new Device(s)
    const memberId = await member.loginAs('member1')
    const signing = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
    expect(signing.status).toBe(200)
    const demoKey = await importSitePrivateKey(signing.body.privateJwk as PrivateSiteJwk)
    const kid = signing.body.kid as string

    /** A code of the demo class as trainer1's device makes it at `atMs` (server clock by default). */
    const code = (over: Partial<AttestClaims> = {}, atMs = s.clock.now().getTime(), key = demoKey) =>
      signAttestToken(
        {
          ...attestClaims({ kid, classId: DEMO_CLASS_ID, at: { site: 'zaoyuan' }, trainerId, nowMs: atMs }),
          ...over,
        },
        key,
      )
    /** The attestation record a member's device saves for a code. */
    const attestation = (device: Device, who: string, token: string, over: Record<string, unknown> = {}) => {
      const claims = parseAttestToken(token)?.claims
      if (!claims) throw new Error('not a token')
      return device.record(who, 'attestation', attestationPayload(token, claims, 'scan'), {
        classId: claims.cls,
        ...over,
      })
    }
    return { s, trainer, trainerId, member, memberId, kid, demoKey, code, attestation }
  }

  async function pushOne(device: Device, record: unknown) {
    const r = await device.push([record])
    expect(r.status).toBe(200)
    return r.body.results[0]
  }
  async function flagsOf(device: Device, record: unknown): Promise<string[]> {
    const result = await pushOne(device, record)
    expect(result.result, JSON.stringify(result)).toBe('created')
    return result.flags
  }

  describe('keys', () => {
    it('hands public keys to the class and the private key to its trainers only, 404 to strangers', async () => {
      const { s, member, kid } = await start()
      const as = async (username: string, password?: string) => {
        const d = new Device(s)
        if (password) expect((await d.login(username, password)).status).toBe(200)
        else await d.loginAs(username as 'member1')
        return d
      }
      const cases: [string, Device, number, number][] = [
        ['anonymous', new Device(s), 401, 401],
        ['member of the class', member, 200, 403],
        ['another member', await as('member3', 'member3-password'), 404, 404],
        ['trainer of another class', await as('trainer2', 'trainer2-password'), 404, 404],
        ['admin', await as('admin'), 200, 403],
      ]
      for (const [who, device, keys, signing] of cases) {
        const k = await device.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)
        expect(k.status, who).toBe(keys)
        const p = await device.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
        expect(p.status, who).toBe(signing)
        if (p.status >= 400) expect(Object.keys(p.body)).toEqual(['error'])
      }
      const listed = await member.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)
      expect(listed.body).toEqual({
        classId: DEMO_CLASS_ID,
        keys: [
          {
            kid,
            classId: DEMO_CLASS_ID,
            publicJwk: { kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String) },
            createdAt: expect.any(String),
            retiredAt: null,
          },
        ],
      })
      expect(kid).toBe(`cls-${DEMO_CLASS_ID}-1`)
      expect(JSON.stringify(listed.body)).not.toContain('"d"')
    })

    it('the private key is never cached and never logged, and it matches the public key', async () => {
      const { s, trainer, member, code } = await start()
      const signing = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      expect(signing.headers.get('cache-control')).toBe('no-store')
      const { d, x } = signing.body.privateJwk as { d: string; x: string }
      const logs = s.logs.map((l) => l.line).join('\n')
      expect(logs).not.toContain(d)
      expect(logs).not.toContain(x)
      // Signed with what the trainer got, verified by the server with what members get.
      const keys = (await member.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)).body.keys
      expect(keys[0].publicJwk.x).toBe(x)
      expect(await code()).toMatch(/^HA1\./)
    })

    it('makes one key per class however many first requests race for it', async () => {
      const { s } = await start()
      const devices = await Promise.all(
        Array.from({ length: 3 }, async () => {
          const d = new Device(s)
          await d.login('member3', 'member3-password')
          return d
        }),
      )
      const answers = await Promise.all(
        [...devices, ...devices].map((d) => d.request('GET', `/api/classes/${OTHER_CLASS}/keys`)),
      )
      const kids = new Set(answers.flatMap((a) => a.body.keys.map((k: { kid: string }) => k.kid)))
      expect([...kids]).toEqual([`cls-${OTHER_CLASS}-1`])
    })
  })

  describe('key rotation (a trainer’s phone lost)', () => {
    it('retires the key in use, hands out a new one, and lists both with the retirement time', async () => {
      const { s, trainer, member, kid } = await start()
      s.clock.advance(5 * MINUTE)
      const rotatedAt = s.clock.now().toISOString()
      const rotated = await trainer.request('POST', `/api/classes/${DEMO_CLASS_ID}/keys/rotate`)
      expect(rotated.status).toBe(200)
      expect(rotated.body.kid).toBe(`cls-${DEMO_CLASS_ID}-2`)
      const listed = (await member.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)).body.keys
      expect(listed.map((k: { kid: string; retiredAt: string | null }) => [k.kid, k.retiredAt])).toEqual([
        [kid, rotatedAt],
        [`cls-${DEMO_CLASS_ID}-2`, null],
      ])
      const signing = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      expect(signing.body.kid).toBe(`cls-${DEMO_CLASS_ID}-2`)
      // The audit line names the class, who rotated and the new key's id; never key material.
      const line = s.logs.find((l) => l.line.includes('class.key_rotated'))?.line ?? ''
      expect(line).toContain(`cls-${DEMO_CLASS_ID}-2`)
      expect(line).not.toContain(signing.body.privateJwk.d)
    })

    it('flags codes the old key signed after the rotation, not those it signed before', async () => {
      const { s, trainer, member, memberId, code, attestation } = await start()
      const before = attestation(member, memberId, await code())
      s.clock.advance(5 * MINUTE)
      expect((await trainer.request('POST', `/api/classes/${DEMO_CLASS_ID}/keys/rotate`)).status).toBe(200)
      s.clock.advance(MINUTE)
      // The lost phone still signs with the old key, at the right time: its codes are no longer the trainer's.
      const stolen = attestation(member, memberId, await code())
      const signing = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      const newKey = await importSitePrivateKey(signing.body.privateJwk as PrivateSiteJwk)
      const current = attestation(member, memberId, await code({ kid: signing.body.kid }, undefined, newKey))
      // The record made before the rotation arrives only now, days of offline work later: still good.
      expect(await flagsOf(member, before)).toEqual([])
      expect(await flagsOf(member, stolen)).toEqual(['attestation-retired-key'])
      expect(await flagsOf(member, current)).toEqual([])
    })

    // A trainer's phone keeps the class's private key for offline use: leaving the class must
    // retire it, or the person goes on vouching for members' presence (security audit M1).
    it.each([
      ['removed from the class', 'removed'],
      ['disabled', 'disabled'],
      ['made a member', 'demoted'],
    ] as const)('a trainer %s: codes their key signs from then on are flagged', async (_, how) => {
      const { s, member, memberId, trainerId, attestation } = await start()
      const admin = new Device(s)
      await admin.loginAs('admin')
      const added = await admin.request('POST', `/api/classes/${DEMO_CLASS_ID}/trainers`, {
        json: { trainerIds: ['trainer2'] },
      })
      expect(added.status).toBe(200)
      const leaving = new Device(s)
      expect((await leaving.login('trainer2', 'trainer2-password')).status).toBe(200)
      const signing = await leaving.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      expect(signing.status).toBe(200)
      const kept = await importSitePrivateKey(signing.body.privateJwk as PrivateSiteJwk)
      const sign = () =>
        signAttestToken(
          attestClaims({
            kid: signing.body.kid,
            classId: DEMO_CLASS_ID,
            at: { site: 'zaoyuan' },
            trainerId,
            nowMs: s.clock.now().getTime(),
          }),
          kept,
        )
      const before = attestation(member, memberId, await sign())
      s.clock.advance(5 * MINUTE)
      const left =
        how === 'removed'
          ? await admin.request('DELETE', `/api/classes/${DEMO_CLASS_ID}/trainers/trainer2`)
          : how === 'disabled'
            ? await admin.request('POST', '/api/admin/users/trainer2/disable')
            : await admin.request('PATCH', '/api/admin/users/trainer2', {
                json: { role: 'member', branch: '沂蒙支部' },
              })
      expect(left.status).toBeLessThan(300)
      s.clock.advance(MINUTE)
      const after = attestation(member, memberId, await sign())
      expect(await flagsOf(member, before)).toEqual([])
      expect(await flagsOf(member, after)).toEqual(['attestation-retired-key'])
      // The class's remaining trainer is handed the new key.
      const trainer1 = new Device(s)
      await trainer1.loginAs('trainer1')
      const current = await trainer1.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      expect(current.body.kid).not.toBe(signing.body.kid)
    })

    it('removing someone who was not a trainer of the class leaves its key alone', async () => {
      const { s, kid } = await start()
      const admin = new Device(s)
      await admin.loginAs('admin')
      expect((await admin.request('DELETE', `/api/classes/${DEMO_CLASS_ID}/trainers/trainer2`)).status).toBe(
        204,
      )
      const keys = (await admin.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)).body.keys
      expect(keys).toMatchObject([{ kid, retiredAt: null }])
    })

    it('two rotations at once leave the class with one key in use', async () => {
      const { s, trainer } = await start()
      const admin = new Device(s)
      await admin.loginAs('admin')
      const answers = await Promise.all([
        trainer.request('POST', `/api/classes/${DEMO_CLASS_ID}/keys/rotate`),
        admin.request('POST', `/api/classes/${DEMO_CLASS_ID}/keys/rotate`),
      ])
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      // Whatever the interleaving, asking for the signing key now gives the one key in use.
      const signing = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/signing-key`)
      const keys = (await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/keys`)).body.keys as {
        kid: string
        retiredAt: string | null
      }[]
      expect(keys.filter((k) => k.retiredAt === null).map((k) => k.kid)).toEqual([signing.body.kid])
      expect(new Set(keys.map((k) => k.kid)).size).toBe(keys.length)
    })
  })

  describe('sync re-verification', () => {
    it('a valid attestation is created without flags, and the trainer sees it', async () => {
      const { trainer, member, memberId, code, attestation } = await start()
      const record = attestation(member, memberId, await code())
      expect(await flagsOf(member, record)).toEqual([])
      const seen = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/records`)
      const mine = seen.body.records.find((r: { record: { id: string } }) => r.record.id === record.id)
      expect(mine).toMatchObject({ flags: [], record: { kind: 'attestation', memberId } })
    })

    it("a confirmed presence is in the member's progress and the class's, apart from check-ins", async () => {
      const { trainer, member, memberId, code, attestation } = await start()
      const record = attestation(member, memberId, await code())
      expect(await flagsOf(member, record)).toEqual([])
      const attended = [{ siteId: 'zaoyuan', at: record.occurredAt, recordId: record.id }]
      const own = await member.request('GET', '/api/me/progress')
      expect(own.body).toMatchObject({ attended, stamps: [] })
      const cls = await trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}/progress`)
      const row = cls.body.members.find((m: { member: { id: string } }) => m.member.id === memberId)
      expect(row.progress).toMatchObject({ attended, stamps: [] })
    })

    it('a tampered code is kept and flagged bad-signature', async () => {
      const { member, memberId, code, attestation } = await start()
      const token = await code()
      const i = token.length - 30
      const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1)
      expect(await flagsOf(member, attestation(member, memberId, tampered))).toEqual([
        'attestation-bad-signature',
      ])
    })

    it('a code whose signed place was changed is flagged bad-signature', async () => {
      const { member, memberId, code, attestation } = await start()
      const [prefix, claims, signature] = (await code()).split('.') as [string, string, string]
      const edited = {
        ...JSON.parse(Buffer.from(claims, 'base64url').toString()),
        at: { site: 'yangjialing' },
      }
      const forged = `${prefix}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`
      expect(await flagsOf(member, attestation(member, memberId, forged))).toEqual([
        'attestation-bad-signature',
      ])
    })

    it("another class's code is flagged under the member's own class, and refused under the other class", async () => {
      const { s, member, memberId, code, attestation } = await start()
      const otherRow = await ensureClassKey(s.services.db, OTHER_CLASS, s.clock.now())
      const otherKey = await importSitePrivateKey(privateJwkOf(otherRow))
      const token = await code({ cls: OTHER_CLASS, kid: otherRow.kid }, undefined, otherKey)
      // Filed under the member's class: the code is authentic, but not of a class they attend.
      expect(await flagsOf(member, attestation(member, memberId, token, { classId: DEMO_CLASS_ID }))).toEqual(
        ['attestation-other-class', 'attestation-mismatch'],
      )
      // Filed under the other class: the general rule refuses records of a class one is not in.
      const refused = await pushOne(member, attestation(member, memberId, token))
      expect(refused).toMatchObject({ result: 'forbidden', error: { code: 'not_in_class' } })
    })

    it('a payload whose copied step disagrees with its token is flagged mismatch', async () => {
      const { member, memberId, code, attestation } = await start()
      const record = attestation(member, memberId, await code())
      const payload = record.payload as { step: number }
      record.payload = { ...payload, step: payload.step - 10 }
      expect(await flagsOf(member, record)).toEqual(['attestation-mismatch'])
    })

    it('a code used exactly 2 steps later is not flagged; 3 steps later it is outside the window', async () => {
      const { s, member, memberId, code, attestation } = await start()
      const now = s.clock.now().getTime()
      const step = Math.floor(now / 30_000)
      const token = await code({ step })
      const at = (ms: number) => ({ occurredAt: new Date(ms).toISOString() })
      expect(
        await flagsOf(member, attestation(member, memberId, token, at(stepStartMs(step + 3) - 1))),
      ).toEqual([])
      expect(await flagsOf(member, attestation(member, memberId, token, at(stepStartMs(step + 3))))).toEqual([
        'attestation-outside-window',
      ])
    })

    it('a forwarded screenshot used later with the phone clock turned back is outside the window', async () => {
      const { s, member, memberId, code, attestation } = await start()
      const token = await code()
      // The phone says it is the code's moment; the offset measured at its last sync says the
      // phone is 20 minutes behind, so the record was really made 20 minutes after the code.
      const record = attestation(member, memberId, token, {
        occurredAt: s.clock.now().toISOString(),
        clockOffsetMs: 20 * MINUTE,
      })
      expect(await flagsOf(member, record)).toEqual(['attestation-outside-window'])
    })

    it("another member using the same code from the first member's phone is flagged replayed; the first is not", async () => {
      const { s, member, memberId, code, attestation } = await start()
      const token = await code()
      expect(await flagsOf(member, attestation(member, memberId, token))).toEqual([])

      // member2 logs in on member1's phone (same device id) and scans the same code.
      const borrowed = new Device(s)
      const member2 = await borrowed.loginAs('member2')
      const replay = attestation(borrowed, member2, token, { deviceId: member.deviceId })
      expect(await flagsOf(borrowed, replay)).toEqual(['attestation-replayed'])

      // The whole class scanning one code on their own phones is the normal case.
      const own = new Device(s)
      await own.loginAs('member2')
      expect(await flagsOf(own, attestation(own, member2, token))).toEqual([])
    })

    it('the place of a code must be in the content', async () => {
      const { member, memberId, code, attestation } = await start()
      const place: AttestPlace = { lesson: 'no-such-lesson' }
      expect(await flagsOf(member, attestation(member, memberId, await code({ at: place })))).toEqual([
        'unknown-lesson',
      ])
    })

    it('the oath renewal, completed in the VR center only, is a place a code may name', async () => {
      const { member, memberId, code, attestation } = await start()
      const place: AttestPlace = { lesson: 'oath-renewal' }
      expect(await flagsOf(member, attestation(member, memberId, await code({ at: place })))).toEqual([])
    })
  })
})
