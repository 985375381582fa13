import fc from 'fast-check'

/**
 * Valid records as a device makes them, drawn at random, and a description of every field a
 * fault may break: its path, the JSON types it accepts, whether it is required, and values of
 * the right type that break a rule (a range, a length, a format). Ids are not drawn here: they
 * are made fresh when a case runs (record-batch.ts), so a shrink or a replay never meets the
 * rows of an earlier run.
 */

export type Key = string | number
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object'

/** Server facts a valid record must agree with (the session member, the content pack). */
export interface RecordWorld {
  readonly memberId: string
  readonly otherMemberId: string
  readonly contentVersion: string
  readonly siteIds: readonly string[]
  readonly lessonIds: readonly string[]
  /** Classes the member is in. */
  readonly classIds: readonly string[]
  readonly nowMs: number
}

/** A record without its id; `quizRef` says what a completion's quizRecordId points at. */
export interface Draft {
  readonly envelope: Record<string, unknown>
  readonly quizRef?: 'unknown' | { readonly entry: number }
}

export interface FieldSpec {
  readonly path: readonly Key[]
  readonly types: readonly JsonType[]
  readonly required: boolean
  /** Values of an accepted type that still break a rule of this field. */
  readonly bad: readonly unknown[]
}

const long = (n: number, unit = 'x') => unit.repeat(n)
/** A string field limited to 1..80 characters (ids, device ids, versions). */
const short = (path: readonly Key[], required = true): FieldSpec => ({
  path,
  types: ['string'],
  required,
  bad: ['', long(81), long(81, '长'), long(5000)],
})
const ENUM_NOISE = ['', ' ', 'GPS', 'Inside', 'teleport', '__proto__', 'constructor', 'toString', 'null']

export const ENVELOPE_FIELDS: readonly FieldSpec[] = [
  {
    path: ['id'],
    types: ['string'],
    required: true,
    bad: [
      '',
      'abc',
      '019E0F9C-E100-7CDC-9796-8F6370EA1A21',
      '019e0f9c-e100-7cdc-9796-8f6370ea1a210',
      '00000000-0000-0000-0000-000000000000',
      '019e0f9c-e100-7cdc-c796-8f6370ea1a21',
      '019e0f9ce1007cdc97968f6370ea1a21',
      long(200),
    ],
  },
  {
    path: ['kind'],
    types: ['string'],
    required: true,
    bad: [...ENUM_NOISE, 'checkin ', 'CHECKIN', 'quiz', 'lesson'],
  },
  { path: ['v'], types: ['number'], required: true, bad: [0, -1, 1.5, 2, 99, 1e308, 2 ** 53] },
  short(['memberId']),
  short(['deviceId']),
  { path: ['seq'], types: ['number'], required: true, bad: [0, -1, -0.5, 1.5, 2 ** 53, 1e308] },
  {
    path: ['occurredAt'],
    types: ['string'],
    required: true,
    bad: [
      '',
      'yesterday',
      'NaN',
      '2026-13-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-05-10',
      '2026-05-10T02:00:00',
      '2026-05-10 02:00:00Z',
      '2026-05-10T24:00:00Z',
      '+012026-05-10T02:00:00Z',
      '2026-05-10T02:00:00+25:00',
    ],
  },
  {
    path: ['clockOffsetMs'],
    types: ['number', 'null'],
    required: true,
    bad: [1.5, 2 ** 53, -(2 ** 53), 1e308],
  },
  { path: ['classId'], types: ['string', 'null'], required: true, bad: ['', long(81)] },
  short(['contentVersion']),
  { path: ['payload'], types: ['object'], required: true, bad: [] },
]

const enumField = (path: readonly Key[], required = true): FieldSpec => ({
  path,
  types: ['string'],
  required,
  bad: ENUM_NOISE,
})
const P = (...rest: Key[]) => ['payload', ...rest]

/** Payload fields per kind; nested objects only where the draft has them. */
export const PAYLOAD_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  checkin: [
    short(P('siteId')),
    short(P('routeId'), false),
    enumField(P('method')),
    enumField(P('verdict')),
    { path: P('gps'), types: ['object'], required: false, bad: [] },
    {
      path: P('gps', 'lat'),
      types: ['number'],
      required: true,
      bad: [36.12345, 0.0001, 91, -90.5, 1e20, -1e6],
    },
    { path: P('gps', 'lng'), types: ['number'], required: true, bad: [109.00001, 181, -180.5, 1e20, -1e9] },
    { path: P('gps', 'accuracyM'), types: ['number'], required: true, bad: [-1, -0.001, 100_001, 1e308] },
    { path: P('gps', 'distanceM'), types: ['number'], required: true, bad: [-1, 50_000_001, 1e308] },
    { path: P('qr'), types: ['object'], required: false, bad: [] },
    { path: P('qr', 'token'), types: ['string'], required: true, bad: ['', 'short', long(2001)] },
    short(P('qr', 'keyId')),
  ],
  'lesson.completed': [
    short(P('lessonId')),
    short(P('siteId')),
    enumField(P('mode')),
    { path: P('score'), types: ['number'], required: false, bad: [-0.01, 1.01, 2, 1e308] },
    { path: P('quizRecordId'), types: ['string'], required: false, bad: [] },
  ],
  'quiz.submitted': [
    short(P('lessonId')),
    { path: P('attempt'), types: ['number'], required: true, bad: [0, -1, 1.5, 1001, 1e308] },
    enumField(P('mode')),
    { path: P('answers'), types: ['object'], required: true, bad: [] },
    { path: P('correct'), types: ['number'], required: true, bad: [-1, 0.5, 2 ** 53] },
    { path: P('total'), types: ['number'], required: true, bad: [0, -1, 1.5] },
    { path: P('passed'), types: ['boolean'], required: true, bad: [] },
  ],
  reflection: [
    short(P('lessonId'), false),
    short(P('siteId'), false),
    {
      path: P('text'),
      types: ['string'],
      required: true,
      bad: ['', ' ', '\n\t ', long(5001), long(5001, '心')],
    },
  ],
}

/** Where an unknown key is refused (strict objects), if the draft has that object. */
export const STRICT_OBJECTS: readonly (readonly Key[])[] = [[], P(), P('gps'), P('qr')]

const kebab = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}$/)
const text = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom(...'红色教育现场教学延安精神心得体会abcXYZ 0123。，！?'),
      minLength: 1,
      maxLength: max,
    })
    .filter((s) => s.trim().length > 0)
const coarse = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000)
const mode = fc.constantFrom('onsite', 'remote', 'vr')

function payloadArb(
  w: RecordWorld,
): fc.Arbitrary<{ kind: string; payload: Record<string, unknown>; quiz?: Draft['quizRef'] }> {
  const site = fc.oneof(fc.constantFrom(...w.siteIds), kebab)
  const lesson = fc.oneof(fc.constantFrom(...w.lessonIds), kebab)
  const gps = fc.record({
    lat: coarse(-90, 90),
    lng: coarse(-180, 180),
    accuracyM: fc.double({ min: 0, max: 100_000, noNaN: true }),
    distanceM: fc.double({ min: 0, max: 50_000_000, noNaN: true }),
  })
  const checkinGps = fc.record(
    { siteId: site, routeId: kebab, method: fc.constant('gps'), verdict: fc.constant('inside'), gps },
    { requiredKeys: ['siteId', 'method', 'verdict', 'gps'] },
  )
  const checkinQr = fc.record(
    {
      siteId: site,
      method: fc.constant('qr'),
      verdict: fc.constant('qr-valid'),
      qr: fc.record({ token: fc.string({ minLength: 10, maxLength: 120 }), keyId: kebab }),
    },
    { requiredKeys: ['siteId', 'method', 'verdict', 'qr'] },
  )
  const completed = fc.tuple(
    fc.record(
      { lessonId: lesson, siteId: site, mode, score: fc.double({ min: 0, max: 1, noNaN: true }) },
      { requiredKeys: ['lessonId', 'siteId', 'mode'] },
    ),
    fc.option(
      fc.oneof(
        fc.constant('unknown' as const),
        fc.nat(20).map((entry) => ({ entry })),
      ),
      { nil: undefined },
    ),
  )
  const answer = fc.oneof(fc.boolean(), fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { maxLength: 10 }))
  const quiz = fc.record({
    lessonId: lesson,
    attempt: fc.integer({ min: 1, max: 1000 }),
    mode,
    answers: fc.dictionary(fc.stringMatching(/^[a-z0-9-]{1,12}$/), answer, { maxKeys: 8 }),
    correct: fc.nat(50),
    total: fc.integer({ min: 1, max: 50 }),
    passed: fc.boolean(),
  })
  const reflection = fc.record(
    { lessonId: lesson, siteId: site, text: text(300) },
    { requiredKeys: ['text'] },
  )
  return fc.oneof(
    checkinGps.map((payload) => ({ kind: 'checkin', payload })),
    checkinQr.map((payload) => ({ kind: 'checkin', payload })),
    completed.map(([payload, quiz]) => ({ kind: 'lesson.completed', payload, quiz })),
    quiz.map((payload) => ({ kind: 'quiz.submitted', payload })),
    reflection.map((payload) => ({ kind: 'reflection', payload })),
  )
}

/** A valid record of any kind, without its id. */
export function draftArb(w: RecordWorld): fc.Arbitrary<Draft> {
  return fc
    .record({
      body: payloadArb(w),
      deviceId: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !s.includes('\u0000')),
      seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      ageMs: fc.integer({ min: -86_400_000, max: 400 * 86_400_000 }),
      clockOffsetMs: fc.oneof(fc.constant(null), fc.integer({ min: -1e12, max: 1e12 })),
      classId: fc.oneof(fc.constant(null), fc.constantFrom(...w.classIds)),
      contentVersion: fc.oneof(fc.constant(w.contentVersion), kebab),
    })
    .map(({ body, ageMs, ...rest }) => ({
      envelope: {
        kind: body.kind,
        v: 1,
        memberId: w.memberId,
        deviceId: rest.deviceId,
        seq: rest.seq,
        occurredAt: new Date(w.nowMs - ageMs).toISOString(),
        clockOffsetMs: rest.clockOffsetMs,
        classId: rest.classId,
        contentVersion: rest.contentVersion,
        payload: body.payload,
      },
      ...(body.quiz === undefined ? {} : { quizRef: body.quiz }),
    }))
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: readonly Key[]): unknown {
  let node = root
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<Key, unknown>)[k]
  }
  return node
}

export function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v as JsonType
}
