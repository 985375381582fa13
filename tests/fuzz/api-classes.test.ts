/**
 * Why: trainers create and change classes and upload rosters from their own spreadsheets, so
 * these endpoints meet typos, half-edited forms and files saved in odd encodings. Each draw
 * breaks one field of a valid request (or the whole body, or the CSV file) and checks the
 * answer against what is owed: a 4xx with a stable code and the field's path, no 5xx, and no
 * class, trainer or member row written by a refused request.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBodySchema } from '../../server/http/errors.ts'
import { Device } from '../server/driver.ts'
import { DATABASES, startTestServer, type TestServer } from '../server/harness.ts'
import { type BodyField, bodyFaultArb, renderBody } from './body-faults.ts'
import { BAD_UTF8_SEQUENCES, expectErrorAnswer, fuzzParams, rawRequest } from './fuzz-kit.ts'

const LIMIT = 16 * 1024
const long = (n: number, unit = 'x') => unit.repeat(n)
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

const NEW_CLASS_FIELDS: BodyField[] = [
  { name: 'name', types: ['string'], required: true, bad: ['', '   ', '\u3000', long(81), long(81, '班')] },
  { name: 'routeId', types: ['string', 'null'], required: false, bad: ['', 'no-such-route', long(81)] },
  {
    name: 'sceneIds',
    types: ['array'],
    required: false,
    bad: [['no-such-scene'], ['oath-hall', 'oath-hall'], ids(21, 's'), ['']],
  },
  {
    name: 'startsOn',
    types: ['string'],
    required: true,
    bad: ['2026-02-30', '2026/05/10', '', '10-05-2026', '2026-5-1'],
  },
  { name: 'endsOn', types: ['string'], required: true, bad: ['2026-05-09', '2030-05-10', '2026-13-01'] },
  {
    name: 'trainerIds',
    types: ['array'],
    required: false,
    bad: [['demo-member1'], ['fz-nobody'], ids(21, 't'), ['']],
  },
  {
    name: 'memberIds',
    types: ['array'],
    required: false,
    bad: [['demo-trainer1'], ['fz-nobody'], ids(301, 'm'), [''], [1]],
  },
]
/** Faults whose path is an item of the list, not the list (the server names the first bad id). */
const ITEM_PATHS: Record<string, string> = {
  '["no-such-scene"]': 'sceneIds.0',
  '["oath-hall","oath-hall"]': 'sceneIds.1',
  '[""]': '.0',
  '["demo-member1"]': 'trainerIds.0',
  '["fz-nobody"]': '.0',
  '["demo-trainer1"]': 'memberIds.0',
  '[1]': 'memberIds.0',
}

const PATCH_FIELDS: BodyField[] = NEW_CLASS_FIELDS.filter((f) =>
  ['name', 'startsOn', 'endsOn', 'sceneIds'].includes(f.name),
).map((f) => ({ ...f, required: false }))

/** The path owed for a bad value: list faults name the item at fault. */
function owedPath(field: string, value: unknown, fallback: string): string {
  const item = ITEM_PATHS[JSON.stringify(value)]
  if (item === undefined) return fallback
  return item.startsWith('.') ? `${field}${item}` : item
}

describe.each(DATABASES)('fuzzed class requests on %s', (dbKind) => {
  let server: TestServer
  let trainer: Device
  let classId: string
  const tally: Record<string, number> = {}
  const count = (what: string) => {
    tally[what] = (tally[what] ?? 0) + 1
  }

  const snapshot = async () => {
    const db = server.services.db
    return JSON.stringify({
      classes: await db.selectFrom('classes').selectAll().orderBy('id').execute(),
      trainers: await db
        .selectFrom('class_trainers')
        .selectAll()
        .orderBy('class_id')
        .orderBy('user_id')
        .execute(),
      members: await db
        .selectFrom('class_members')
        .selectAll()
        .orderBy('class_id')
        .orderBy('user_id')
        .execute(),
    })
  }

  beforeAll(async () => {
    server = await startTestServer(dbKind)
    trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const made = await trainer.request('POST', '/api/classes', {
      json: { name: '模糊测试班', routeId: 'yanan-two-day', startsOn: '2026-05-10', endsOn: '2026-05-12' },
    })
    if (made.status !== 201) throw new Error(`cannot make a class: ${made.status} ${made.text}`)
    classId = made.body.class.id
  }, 30_000)
  afterAll(async () => {
    console.log(`fuzz cases on ${dbKind}: ${JSON.stringify(tally)}`)
    await server?.close()
  })

  /** The error answer owed for a body fault, or for a well-formed body the success status. */
  async function check(
    r: Awaited<ReturnType<typeof rawRequest>>,
    owed: { status: number; code: string; path?: string } | undefined,
    ok: number,
    before: string,
  ) {
    if (owed === undefined) {
      expect(r.status, r.text).toBe(ok)
      return
    }
    const error = expectErrorAnswer(r, [owed.code as 'invalid'])
    expect(r.status, r.text).toBe(owed.status)
    if (owed.path !== undefined) expect(error.path, r.text).toBe(owed.path)
    expect(await snapshot()).toBe(before)
  }

  it('new class: a bad field is a 400 at its path and writes no class; a good one makes one', async () => {
    const cases = fc.tuple(
      fc.boolean(),
      fc.option(bodyFaultArb(NEW_CLASS_FIELDS, LIMIT, 1), { freq: 5, nil: undefined }),
    )
    await fc.assert(
      fc.asyncProperty(cases, async ([vr, fault]) => {
        const valid = vr
          ? {
              name: '党建VR体验班',
              routeId: null,
              sceneIds: ['oath-hall'],
              startsOn: '2026-06-01',
              endsOn: '2026-06-01',
            }
          : {
              name: '延安精神班',
              routeId: 'yanan-two-day',
              startsOn: '2026-05-10',
              endsOn: '2026-05-12',
              memberIds: ['demo-member1'],
            }
        const sent = renderBody(valid, fault, { limit: LIMIT, utf8Paths: [['name']] })
        const owed =
          sent.owed && fault?.kind === 'set'
            ? { ...sent.owed, path: owedPath(fault.field, fault.value, sent.owed.path ?? '') }
            : sent.owed
        const before = await snapshot()
        const r = await rawRequest(trainer, 'POST', '/api/classes', sent.body, sent.contentType)
        await check(r, owed, 201, before)
        if (r.status === 201) expect(r.body.class.name.length).toBeGreaterThan(0)
        count('new-class bodies')
      }),
      fuzzParams(50),
    )
  }, 180_000)

  it('class change: a bad field is a 400 at its path and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(bodyFaultArb(PATCH_FIELDS, LIMIT, 1), { freq: 5, nil: undefined }),
        async (fault) => {
          const valid = { name: '模糊测试班（改）', endsOn: '2026-05-13' }
          const sent = renderBody(valid, fault, { limit: LIMIT, utf8Paths: [['name']] })
          const owed =
            sent.owed && fault?.kind === 'set'
              ? { ...sent.owed, path: owedPath(fault.field, fault.value, sent.owed.path ?? '') }
              : sent.owed
          const before = await snapshot()
          const r = await rawRequest(trainer, 'PATCH', `/api/classes/${classId}`, sent.body, sent.contentType)
          await check(r, owed, 200, before)
          count('class-change bodies')
        },
      ),
      fuzzParams(40),
    )
  }, 180_000)

  it('adding members: a bad list is a 400 naming the item, and adds no one', async () => {
    const fields: BodyField[] = [
      {
        name: 'memberIds',
        types: ['array'],
        required: true,
        bad: [[], ['demo-trainer1'], ['fz-nobody'], ids(301, 'm'), ['']],
      },
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.option(bodyFaultArb(fields, LIMIT, 1), { freq: 5, nil: undefined }),
        async (fault) => {
          const sent = renderBody({ memberIds: ['demo-member2'] }, fault, {
            limit: LIMIT,
            utf8Paths: [['memberIds', 0]],
          })
          const owed =
            sent.owed && fault?.kind === 'set'
              ? { ...sent.owed, path: owedPath(fault.field, fault.value, sent.owed.path ?? '') }
              : sent.owed
          const before = await snapshot()
          const r = await rawRequest(
            trainer,
            'POST',
            `/api/classes/${classId}/members`,
            sent.body,
            sent.contentType,
          )
          await check(r, owed, 200, before)
          count('add-member bodies')
        },
      ),
      fuzzParams(30),
    )
  }, 180_000)

  it('roster upload: any file is a 200, a 400 at roster with its problems by line, a 413 or a 415; a refused one adds no one', async () => {
    const header = '姓名,党员编号,党支部\n'
    const good = '李红梅,YA-2024-0001,延安市直机关第一党支部\n'
    const bytes = fc.oneof(
      fc.constant(Buffer.from(header + good)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(header + s)),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.concat([Buffer.from(header), b])),
      fc
        .tuple(fc.constantFrom(...BAD_UTF8_SEQUENCES), fc.nat(20))
        .map(([seq, at]) =>
          Buffer.concat([
            Buffer.from(header + good.slice(0, at % good.length)),
            Buffer.from(seq),
            Buffer.from(good.slice(at % good.length)),
          ]),
        ),
      fc
        .constantFrom('李红梅,YA-2024-0001\u0000,x\n', '"unclosed,YA-2024-0001\n', '\u0000\n', '姓名\n', '')
        .map((s) => Buffer.from(header + s)),
      fc.constant(Buffer.from(header + good.repeat(6000))),
    )
    const cases = fc.record({
      body: bytes,
      type: fc.constantFrom(
        'text/csv',
        'text/csv; charset=utf-8',
        'text/plain',
        'application/json',
        undefined,
      ),
      dryRun: fc.constantFrom('true', 'false', 'maybe'),
    })
    await fc.assert(
      fc.asyncProperty(cases, async ({ body, type, dryRun }) => {
        const before = await snapshot()
        const r = await rawRequest(
          trainer,
          'POST',
          `/api/classes/${classId}/roster?dryRun=${dryRun}`,
          body,
          type,
        )
        expect([200, 400, 413, 415], r.text).toContain(r.status)
        if (r.status === 400 && r.body?.error?.problems) {
          expect(r.body.error).toMatchObject({ code: 'invalid', path: 'roster' })
          expect(r.body.error.problems.length).toBeGreaterThan(0)
        } else if (r.status !== 200) expect(ErrorBodySchema.safeParse(r.body).success, r.text).toBe(true)
        if (r.status === 400 && dryRun === 'maybe') expect(r.body.error.path).toBe('dryRun')
        if (r.status !== 200 || dryRun === 'true') expect(await snapshot()).toBe(before)
        count('roster files')
      }),
      fuzzParams(40),
    )
  }, 180_000)
})
