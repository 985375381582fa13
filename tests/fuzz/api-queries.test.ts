/**
 * Why: query strings and path parameters reach the database too (a pull cursor, a class id, a
 * user id), and a URL can carry what a JSON body cannot: percent-encoded NUL bytes, broken
 * percent escapes, overlong UTF-8. Every such request must get a 4xx with a stable code (and
 * the parameter's name for a bad query), never a 5xx, and must change nothing.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unknownKeyPath } from '../../src/domain/zod-issue.ts'
import { Device } from '../server/driver.ts'
import { DATABASES, startTestServer, type TestServer } from '../server/harness.ts'
import { expectErrorAnswer, fuzzParams, rawRequest } from './fuzz-kit.ts'

/** A query value, and whether it goes into the URL as it is (raw) or percent-encoded. */
interface QueryValue {
  readonly value: string
  readonly raw: boolean
}

const encoded = (arb: fc.Arbitrary<string>) => arb.map((value): QueryValue => ({ value, raw: false }))
const raw = (...values: string[]) =>
  fc.constantFrom(...values.map((value): QueryValue => ({ value, raw: true })))

const cursorArb = fc.oneof(
  encoded(fc.stringMatching(/^\d{1,15}$/)),
  encoded(
    fc.constantFrom(
      '',
      '-1',
      '1e5',
      ' 1',
      '0x10',
      '1.0',
      '9'.repeat(16),
      '١٢',
      'abc',
      '1;drop table records',
      '\u0000',
    ),
  ),
  encoded(fc.string({ maxLength: 30 })),
  raw('%00', '1%00', '%ZZ', '%', '%E4%B8', '%C0%AF', '%FF%FE', '1+2'),
)
const limitArb = fc.oneof(
  encoded(fc.integer({ min: 1, max: 1000 }).map(String)),
  encoded(
    fc.constantFrom(
      '0',
      '1001',
      '-1',
      'abc',
      '1.5',
      '',
      'Infinity',
      'NaN',
      '0x10',
      '1e3',
      ' 5 ',
      '9'.repeat(20),
      '\u0000',
    ),
  ),
  encoded(fc.string({ maxLength: 12 })),
  raw('%00', '%ZZ', '5%00', '%'),
)

/** What the pull schema accepts, decided independently of it (server/sync/record-rows.ts). */
const decode = (q: QueryValue) => {
  if (!q.raw) return q.value
  try {
    return decodeURIComponent(q.value.replace(/\+/g, ' '))
  } catch {
    return q.value
  }
}
const cursorOk = (q: QueryValue) => /^\d{1,15}$/.test(decode(q))
const limitOk = (q: QueryValue) => {
  const n = Number(decode(q))
  return Number.isInteger(n) && n >= 1 && n <= 1000
}

/** Path parameters that name nothing: broken or hostile encodings, and plain garbage. */
const idArb = fc.oneof(
  fc.constantFrom(
    '%00',
    'fz%00x',
    '%ZZ',
    '%',
    '%E4%B8',
    '%C0%AF',
    '%FF',
    'fz%2Fa',
    '%2e%2e',
    'fz..',
    "fz'%3B%20drop%20table%20users%3B--",
    'fz%20x',
    `fz${'x'.repeat(5000)}`,
    'fz%E2%80%AE',
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(`fz${s}`)),
)

describe.each(DATABASES)('fuzzed queries and path parameters on %s', (dbKind) => {
  let server: TestServer
  let member: Device
  let admin: Device
  let memberId: string
  const tally: Record<string, number> = {}

  beforeAll(async () => {
    server = await startTestServer(dbKind)
    member = new Device(server)
    admin = new Device(server)
    memberId = await member.loginAs('member1')
    await admin.loginAs('admin')
    const records = Array.from({ length: 5 }, (_, i) =>
      member.record(memberId, 'reflection', { text: `第${i}条` }),
    )
    expect((await member.push(records)).status).toBe(200)
  }, 30_000)
  afterAll(async () => {
    console.log(`fuzz cases on ${dbKind}: ${JSON.stringify(tally)}`)
    await server?.close()
  })

  it("pull: a bad cursor or limit is 400 invalid naming it; a good one answers the member's own records", async () => {
    const extraArb = fc.constantFrom('x', 'cursor2', 'memberId', 'constructor', 'toString', 'CURSOR')
    const query = fc.record({ cursor: cursorArb, limit: limitArb, extra: extraArb }, { requiredKeys: [] })
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const parts: string[] = []
        const put = (name: string, v: QueryValue) =>
          parts.push(`${name}=${v.raw ? v.value : encodeURIComponent(v.value)}`)
        if (q.cursor) put('cursor', q.cursor)
        if (q.limit) put('limit', q.limit)
        if (q.extra) put(q.extra, { value: '1', raw: false })
        const r = await member.request('GET', `/api/sync/pull?${parts.join('&')}`)
        const faulty = [
          ...(q.cursor && !cursorOk(q.cursor) ? ['cursor'] : []),
          ...(q.limit && !limitOk(q.limit) ? ['limit'] : []),
          ...(q.extra ? [unknownKeyPath([], q.extra)] : []),
        ]
        if (faulty.length === 0) {
          expect(r.status, r.text).toBe(200)
          expect(Array.isArray(r.body.records)).toBe(true)
          for (const x of r.body.records) expect(x.record.memberId).toBe(memberId)
        } else {
          const error = expectErrorAnswer(r, ['invalid'])
          expect(faulty, r.text).toContain(error.path)
        }
        tally['pull queries'] = (tally['pull queries'] ?? 0) + 1
      }),
      fuzzParams(60),
    )
  }, 120_000)

  it('path parameters: an id that names nothing is 404 not_found, whatever its bytes, and changes nothing', async () => {
    // Every route with a parameter, as the server documents it (so routes added later are in),
    // called by an admin, who may see everything; and a member's own routes.
    type Route = {
      who: 'member' | 'admin'
      method: string
      name: string
      body?: { text: string; type: string }
    }
    const doc = (await admin.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>
    }
    const routes: Route[] = [
      { who: 'member', method: 'GET', name: '/api/classes/{x}' },
      { who: 'member', method: 'GET', name: '/api/classes/{x}/records?limit=5' },
      { who: 'member', method: 'DELETE', name: '/api/me/sessions/{x}' },
    ]
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations))
        if (path.includes('{')) {
          const types = Object.keys(op.requestBody?.content ?? {})
          // A JSON body that names nothing in particular: the parameter, not the body, is at fault.
          const body = types.includes('application/json')
            ? { text: '{}', type: 'application/json' }
            : types[0]
              ? { text: 'name\n', type: types[0] }
              : undefined
          routes.push({ who: 'admin', method: method.toUpperCase(), name: path, ...(body ? { body } : {}) })
        }
    expect(routes.length).toBeGreaterThan(10)
    const snapshot = async () => {
      const db = server.services.db
      const users = await db.selectFrom('users').select(['id', 'disabled_at']).orderBy('id').execute()
      const records = await db.selectFrom('records').select(['id', 'status']).orderBy('id').execute()
      const sessions = await db.selectFrom('sessions').select(['id', 'revoked_at']).orderBy('id').execute()
      const members = await db
        .selectFrom('class_members')
        .selectAll()
        .orderBy('class_id')
        .orderBy('user_id')
        .execute()
      return JSON.stringify({ users, records, sessions, members })
    }
    const before = await snapshot()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), idArb, async (route, id) => {
        const device = route.who === 'admin' ? admin : member
        const url = route.name.replace(/\{[^}]+\}/g, id)
        const r = await rawRequest(device, route.method, url, route.body?.text, route.body?.type)
        // A JSON body is validated before the handler looks the parameter up: '{}' may be invalid.
        const error = expectErrorAnswer(
          r,
          route.body?.type === 'application/json' ? ['not_found', 'invalid'] : ['not_found'],
        )
        if (error.code === 'not_found') expect(r.status).toBe(404)
        tally['path parameters'] = (tally['path parameters'] ?? 0) + 1
      }),
      fuzzParams(80),
    )
    expect(await snapshot()).toBe(before)
  }, 120_000)
})
