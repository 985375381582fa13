/**
 * Why: a phone, a captive portal or an attacker can send anything, and the server must answer
 * everything with an error a client can act on (notes/reliability.md P16, fault row 26): a 4xx
 * with a stable code and the path of the field at fault, never a 5xx, never a half-written row.
 * Example tests (tests/server/http-input.test.ts) pin the cases someone thought of; these
 * properties draw hundreds of bodies the same way an attacker would, starting from valid ones
 * and breaking one thing at a time, and check every answer and the rows after it against a
 * model. Replay a failure with the seed it prints (tests/fuzz/fuzz-kit.ts).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_BRANCHES, DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { PUSH_MAX_BYTES } from '../../server/sync/routes.ts'
import { uuidv7 } from '../../src/domain/records/uuidv7.ts'
import { Device } from '../server/driver.ts'
import { DATABASES, startTestServer, type TestServer } from '../server/harness.ts'
import { type BodyField, bodyFaultArb, renderBody } from './body-faults.ts'
import { expectErrorAnswer, fuzzParams, rawRequest } from './fuzz-kit.ts'
import { batchArb, expectPushAnswer, makeBatch, memberRecordCount } from './record-batch.ts'
import type { RecordWorld } from './record-drafts.ts'

const LOGIN_LIMIT = 16 * 1024
const long = (n: number, unit = 'x') => unit.repeat(n)

const LOGIN_FIELDS: BodyField[] = [
  { name: 'username', types: ['string'], required: true, bad: ['', long(65)] },
  { name: 'password', types: ['string'], required: true, bad: ['', long(129)] },
]

const newUserFields = (role: string): BodyField[] => [
  {
    name: 'username',
    types: ['string'],
    required: true,
    bad: [
      '',
      'a',
      long(65),
      'a b',
      'ab!',
      '  ',
      'ab/cd',
      '李 四',
      'member1',
      'MEMBER1',
      ' admin ',
      'ａｄｍｉｎ',
    ],
  },
  {
    name: 'displayName',
    types: ['string'],
    required: true,
    bad: ['', '   ', '\u3000', long(81), long(81, '名')],
  },
  { name: 'role', types: ['string'], required: true, bad: ['root', 'Admin', '', '__proto__', 'member '] },
  { name: 'branch', types: ['string'], required: role === 'member', bad: ['', '   ', long(121)] },
  {
    name: 'memberNumber',
    types: ['string'],
    required: false,
    bad: ['', long(65), 'YA-2024-0001', ' YA-2024-0002 '],
  },
  // Optional: without one the server makes a password and answers it once.
  { name: 'password', types: ['string'], required: false, bad: ['', 'short', long(9), long(129)] },
]

const countOf = async (server: TestServer, table: 'users' | 'sessions' | 'branches') =>
  Number(
    (
      await server.services.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe.each(DATABASES)('fuzzed request bodies on %s', (dbKind) => {
  let server: TestServer
  let member: Device
  let admin: Device
  let world: RecordWorld
  let fresh = 0
  const tally: Record<string, number> = {}
  const count = (what: string, n = 1) => {
    tally[what] = (tally[what] ?? 0) + n
  }

  beforeAll(async () => {
    server = await startTestServer(dbKind, { config: { syncPushesPerMinute: 100_000 } })
    member = new Device(server)
    admin = new Device(server)
    const memberId = await member.loginAs('member1')
    await admin.loginAs('admin')
    const content = server.services.content
    world = {
      memberId,
      otherMemberId: 'demo-member2',
      contentVersion: content.version,
      siteIds: content.sites.map((s) => s.id),
      lessonIds: content.lessons.map((l) => l.id),
      classIds: [DEMO_CLASS_ID],
      nowMs: server.clock.now().getTime(),
    }
  }, 30_000)
  afterAll(async () => {
    console.log(`fuzz cases on ${dbKind}: ${JSON.stringify(tally)}`)
    await server?.close()
  })

  it('push: every record of a well-formed batch gets its own result; only the valid ones make rows, once', async () => {
    await fc.assert(
      fc.asyncProperty(batchArb(world), async (entries) => {
        const batch = makeBatch(entries, world, () => uuidv7(world.nowMs))
        const before = await memberRecordCount(server.services.db, world.memberId)
        const r = await rawRequest(member, 'POST', '/api/sync/push', batch.json, 'application/json')
        await expectPushAnswer(r, batch, server.services.db, world.memberId, before)
        count('push batches')
        count('push records', batch.owed.length)
      }),
      fuzzParams(110),
    )
  }, 180_000)

  it('push: a malformed batch is refused whole, with a code and a path, and writes nothing', async () => {
    const fields: BodyField[] = [
      {
        name: 'records',
        types: ['array'],
        required: true,
        bad: [[], Array.from({ length: 101 }, () => ({}))],
      },
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.option(bodyFaultArb(fields, PUSH_MAX_BYTES, 3), { freq: 8, nil: undefined }),
        async (fault) => {
          const valid = { records: [member.record(world.memberId, 'reflection', { text: '学习体会' })] }
          const sent = renderBody(valid, fault, {
            limit: PUSH_MAX_BYTES,
            utf8Paths: [
              ['records', 0, 'deviceId'],
              ['records', 0, 'payload', 'text'],
              ['records', 0, 'contentVersion'],
            ],
          })
          const before = await memberRecordCount(server.services.db, world.memberId)
          const r = await rawRequest(member, 'POST', '/api/sync/push', sent.body, sent.contentType)
          if (sent.owed === undefined) {
            expect(r.status, r.text).toBe(200)
            expect(r.body.results).toMatchObject([{ result: 'created' }])
            expect(await memberRecordCount(server.services.db, world.memberId)).toBe(before + 1)
          } else {
            const error = expectErrorAnswer(r, [sent.owed.code as 'invalid'])
            expect(r.status, r.text).toBe(sent.owed.status)
            if (sent.owed.path !== undefined) expect(error.path, r.text).toBe(sent.owed.path)
            expect(await memberRecordCount(server.services.db, world.memberId)).toBe(before)
          }
          count('push bodies')
        },
      ),
      fuzzParams(50),
    )
  }, 120_000)

  it('login: a malformed body is a 4xx with a code and a path, a well-formed wrong one 401 or 429', async () => {
    const base = fc.record({
      username: fc.oneof(
        fc.constantFrom('member1', 'admin', 'MEMBER1', 'nobody'),
        fc.stringMatching(/^[a-z0-9._-]{1,64}$/),
      ),
      password: fc.string({ minLength: 1, maxLength: 120 }).map((s) => `fz${s}`.slice(0, 128)),
    })
    await fc.assert(
      fc.asyncProperty(
        base,
        fc.option(bodyFaultArb(LOGIN_FIELDS, LOGIN_LIMIT, 2), { freq: 6, nil: undefined }),
        async (valid, fault) => {
          const sent = renderBody(valid, fault, {
            limit: LOGIN_LIMIT,
            utf8Paths: [['username'], ['password']],
          })
          const [users, sessions] = [await countOf(server, 'users'), await countOf(server, 'sessions')]
          const r = await rawRequest(
            new Device(server),
            'POST',
            '/api/auth/login',
            sent.body,
            sent.contentType,
          )
          if (sent.owed === undefined) expectErrorAnswer(r, ['invalid_credentials', 'rate_limited'])
          else {
            const error = expectErrorAnswer(r, [sent.owed.code as 'invalid'])
            expect(r.status, r.text).toBe(sent.owed.status)
            if (sent.owed.path !== undefined) expect(error.path, r.text).toBe(sent.owed.path)
          }
          expect(r.headers.get('set-cookie')).toBeNull()
          expect([await countOf(server, 'users'), await countOf(server, 'sessions')]).toEqual([
            users,
            sessions,
          ])
          count('login bodies')
        },
      ),
      fuzzParams(60),
    )
  }, 120_000)

  it('new user (admin): a bad field is a 400 at its path and writes nothing; a good body makes one user', async () => {
    const text = fc
      .string({ unit: fc.constantFrom(...'李王张红梅建国老师学员abcXYZ·'), minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0)
    const base = fc.record({
      role: fc.constantFrom('member', 'trainer', 'admin'),
      displayName: text,
      branch: fc.option(
        fc.oneof(
          fc.constantFrom(...DEMO_BRANCHES),
          text.map((t) => `${t}党支部`),
        ),
        { nil: undefined },
      ),
      withNumber: fc.boolean(),
      password: fc
        .string({ unit: 'grapheme', minLength: 10, maxLength: 40 })
        .filter((p) => p.length >= 10 && p.length <= 128),
    })
    const cases = base.chain((b) =>
      fc.tuple(
        fc.constant(b),
        fc.option(bodyFaultArb(newUserFields(b.role), LOGIN_LIMIT, 3), { freq: 5, nil: undefined }),
      ),
    )
    await fc.assert(
      fc.asyncProperty(cases, async ([b, fault]) => {
        fresh += 1
        const tag = `${fresh}${Math.random().toString(36).slice(2, 8)}`
        const branch = b.branch ?? (b.role === 'member' ? DEMO_BRANCHES[0] : undefined)
        const valid = {
          username: `fz${tag}`,
          displayName: b.displayName,
          role: b.role,
          ...(branch === undefined ? {} : { branch }),
          ...(b.withNumber ? { memberNumber: `FZ-${tag}` } : {}),
          password: b.password,
        }
        const sent = renderBody(valid, fault, {
          limit: LOGIN_LIMIT,
          utf8Paths: [['displayName'], ['password'], ['username']],
        })
        const [users, branches] = [await countOf(server, 'users'), await countOf(server, 'branches')]
        const r = await rawRequest(admin, 'POST', '/api/admin/users', sent.body, sent.contentType)
        if (sent.owed === undefined) {
          expect(r.status, r.text).toBe(201)
          expect(r.body.user.username).toBe(valid.username)
          expect(await countOf(server, 'users')).toBe(users + 1)
          expect(await countOf(server, 'branches')).toBeLessThanOrEqual(branches + 1)
        } else {
          const error = expectErrorAnswer(r, [sent.owed.code as 'invalid'])
          expect(r.status, r.text).toBe(sent.owed.status)
          if (sent.owed.path !== undefined) expect(error.path, r.text).toBe(sent.owed.path)
          expect([await countOf(server, 'users'), await countOf(server, 'branches')]).toEqual([
            users,
            branches,
          ])
        }
        count('new-user bodies')
      }),
      fuzzParams(60),
    )
  }, 120_000)
})
