import { KEY, LESSON, ROUTE, SITE } from './content-tree.ts'
import type { JsonType, Key } from './record-drafts.ts'

/**
 * The fields of the content files that faults break (content-faults.ts): where each is, the
 * YAML types it accepts, whether it is required, and values of the right type that break one of
 * its rules; and the strict objects where an unknown key is refused.
 */

export interface Field {
  readonly file: string
  readonly path: readonly Key[]
  readonly types: readonly JsonType[]
  readonly required: boolean
  readonly bad: readonly unknown[]
}

const long = (n: number, unit = 'x') => unit.repeat(n)
const BAD_IDS = [
  'Zaoyuan',
  'zao_yuan',
  'zao--yuan',
  '-zaoyuan',
  '',
  '枣园',
  'zaoyuan ',
  `a${long(3000, '-a')}`,
]
const field = (
  file: string,
  path: Key[],
  types: JsonType[],
  required: boolean,
  bad: unknown[] = [],
): Field => ({
  file,
  path,
  types,
  required,
  bad,
})
/** A LocalizedText field: the object, its required zh and optional en. */
const localized = (file: string, path: Key[], required = true): Field[] => [
  field(file, path, ['object'], required),
  field(file, [...path, 'zh'], ['string'], true, ['', '   ', '\n']),
  field(file, [...path, 'en'], ['string'], false, ['', ' ']),
]

export const FIELDS: readonly Field[] = [
  field(SITE, ['id'], ['string'], true, BAD_IDS),
  ...localized(SITE, ['name']),
  ...localized(SITE, ['region']),
  ...localized(SITE, ['summary']),
  field(SITE, ['location'], ['object'], true),
  field(SITE, ['location', 'lng'], ['number'], true, [180.5, -181, 1e9, 1e308, -1e308]),
  field(SITE, ['location', 'lat'], ['number'], true, [90.0001, -91, 136.6, 1e308]),
  field(SITE, ['datum'], ['string'], false, ['WGS84', 'gcj-02', 'utm', '', 'wgs 84']),
  field(SITE, ['locationSource'], ['object'], true),
  field(SITE, ['locationSource', 'method'], ['string'], true, ['', 'GPS', '   short   ']),
  field(SITE, ['locationSource', 'confidenceM'], ['number'], true, [0, -1, 5001, 1e308]),
  field(SITE, ['checkin'], ['object'], false),
  field(SITE, ['checkin', 'radiusM'], ['number'], false, [9, 2001, -1, 0]),
  field(SITE, ['checkin', 'maxAccuracyM'], ['number'], false, [4, 501]),
  field(SITE, ['designations'], ['array'], false),
  field(SITE, ['lessons'], ['array'], true, [[]]),
  field(SITE, ['lessons', 0], ['string'], false, ['Bad_Id', '']),
  field(SITE, ['historyEn'], ['string'], false, ['', '  ']),
  field(LESSON, ['id'], ['string'], true, BAD_IDS),
  field(LESSON, ['site'], ['string'], true, ['Zaoyuan', '', 'zao yuan']),
  ...localized(LESSON, ['title']),
  field(LESSON, ['modes'], ['array'], true, [[], ['remote']]),
  field(LESSON, ['durationMin'], ['number'], true, [4, 481, 30.5, -1, 1e308]),
  field(LESSON, ['objectives'], ['array'], true, [[]]),
  field(LESSON, ['steps'], ['array'], true, [[]]),
  field(LESSON, ['steps', 0], ['object'], false),
  field(LESSON, ['steps', 0, 'kind'], ['string'], true, ['video', '', 'Text']),
  ...localized(LESSON, ['steps', 0, 'body']),
  field(LESSON, ['keyFacts'], ['array'], true, [[], [{ zh: '一' }]]),
  field(LESSON, ['quiz'], ['object'], true),
  field(LESSON, ['quiz', 'passMark'], ['number'], true, [0, -0.5, 1.01, 2]),
  field(LESSON, ['quiz', 'maxAttempts'], ['number'], true, [-1, 1.5]),
  field(LESSON, ['quiz', 'questions'], ['array'], true, [[]]),
  field(LESSON, ['quiz', 'questions', 0, 'id'], ['string'], true, ['Q1', 'q 1', '']),
  field(LESSON, ['quiz', 'questions', 0, 'kind'], ['string'], true, ['multi', '', 'TrueFalse']),
  ...localized(LESSON, ['quiz', 'questions', 0, 'prompt']),
  ...localized(LESSON, ['quiz', 'questions', 0, 'explanation']),
  field(LESSON, ['quiz', 'questions', 0, 'choices'], ['array'], true, [
    [{ id: 'a', text: { zh: '甲' } }],
    Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, text: { zh: '项' } })),
  ]),
  field(LESSON, ['quiz', 'questions', 0, 'choices', 0, 'id'], ['string'], true, ['A', 'a-b', '']),
  field(LESSON, ['quiz', 'questions', 0, 'answer'], ['string'], true, ['d', 'A']),
  field(LESSON, ['quiz', 'questions', 1, 'answer'], ['array'], true, [[], ['a', 'a']]),
  field(LESSON, ['quiz', 'questions', 2, 'answer'], ['boolean'], true),
  field(ROUTE, ['id'], ['string'], true, BAD_IDS),
  ...localized(ROUTE, ['title']),
  field(ROUTE, ['days'], ['number'], true, [0, 15, 1.5]),
  field(ROUTE, ['stops'], ['array'], true, [[], [{ site: 'zaoyuan', day: 1 }]]),
  field(ROUTE, ['stops', 0], ['object'], false),
  field(ROUTE, ['stops', 0, 'site'], ['string'], true, ['Zaoyuan', '']),
  field(ROUTE, ['stops', 0, 'day'], ['number'], true, [0, -1, 1.5]),
  field(KEY, ['kid'], ['string'], true, ['Bad Kid', '', 'other-key', long(65, 'k')]),
  field(KEY, ['use'], ['string'], true, ['qr', '']),
  field(KEY, ['alg'], ['string'], true, ['RS256', 'none', 'es256']),
  field(KEY, ['publicKey', 'kty'], ['string'], true, ['RSA']),
  field(KEY, ['publicKey', 'crv'], ['string'], true, ['P-384']),
  field(KEY, ['publicKey', 'x'], ['string'], true, ['short', long(44, 'A'), `${long(42, 'A')}+`]),
  field(KEY, ['note'], ['string'], false, ['', long(501)]),
]

export const UNKNOWN_KEYS = ['extra', 'sumary', 'Name', '__proto__', 'constructor', 'id ']
export const STRICT: readonly [string, Key[]][] = [
  [SITE, []],
  [SITE, ['name']],
  [SITE, ['location']],
  [SITE, ['locationSource']],
  [SITE, ['checkin']],
  [LESSON, []],
  [LESSON, ['title']],
  [LESSON, ['steps', 0]],
  [LESSON, ['quiz']],
  [LESSON, ['quiz', 'questions', 0]],
  [LESSON, ['quiz', 'questions', 0, 'choices', 0]],
  [ROUTE, []],
  [ROUTE, ['stops', 0]],
  [KEY, []],
  [KEY, ['publicKey']],
]
