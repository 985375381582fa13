import fc from 'fast-check'
import { unknownKeyPath } from '../../src/domain/zod-issue.ts'
import {
  type Draft,
  ENVELOPE_FIELDS,
  type FieldSpec,
  type JsonType,
  type Key,
  PAYLOAD_FIELDS,
  STRICT_OBJECTS,
  valueAt,
} from './record-drafts.ts'

/**
 * One fault per broken record, as data (so fast-check can print and shrink it), with the
 * answer the server owes for it: `invalid` (or `forbidden`) with a stable code and the path of
 * the field at fault. Each fault breaks exactly one rule of an otherwise valid record, so the
 * expected path is exact.
 */

/** Values too big to print whole: made when the case runs. */
export class Repeat {
  constructor(
    readonly unit: string,
    readonly times: number,
  ) {}
}
/** A value nested `depth` levels deep: spliced into the JSON text (JSON.stringify would recurse). */
export class Deep {
  constructor(
    readonly depth: number,
    readonly style: 'array' | 'object',
  ) {}
}

export type Op =
  | { readonly op: 'set'; readonly path: readonly Key[]; readonly value: unknown }
  | { readonly op: 'drop'; readonly path: readonly Key[] }
  | { readonly op: 'whole'; readonly value: unknown }

export interface Expected {
  readonly result: 'invalid' | 'forbidden'
  readonly code: 'invalid' | 'member_mismatch' | 'not_in_class'
  readonly path: string
}

export interface Fault {
  readonly name: string
  readonly ops: readonly Op[]
  readonly expect: Expected
}

const dotted = (path: readonly Key[]) => path.map(String).join('.')
const invalidAt = (path: readonly Key[]): Expected => ({
  result: 'invalid',
  code: 'invalid',
  path: dotted(path),
})

const WRONG_TYPED: Readonly<Record<JsonType, readonly unknown[]>> = {
  string: ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', 'true', 'null', '１２'],
  number: [0, -1, 1.5, 1e308, -1e308, 2 ** 53],
  boolean: [true, false],
  null: [null],
  array: [[], ['x'], [1, 2]],
  object: [{}, { a: 1 }, JSON.parse('{"__proto__":{"polluted":true}}')],
}
const UNKNOWN_KEYS = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'memberID',
]
const NOT_A_RECORD = ['record', 42, null, true, [], [{}], 0]

/** A shorthand for the long bad values of the field table. */
const printable = (v: unknown) =>
  typeof v === 'string' && v.length > 100 ? new Repeat(v[0] ?? 'x', v.length) : v

function fieldsOf(draft: Draft): FieldSpec[] {
  const env = draft.envelope
  const kind = String(env.kind)
  return [...ENVELOPE_FIELDS, ...(PAYLOAD_FIELDS[kind] ?? [])].filter((f) => {
    // A field inside an optional object the draft does not have cannot be broken alone.
    const parent = f.path.slice(0, -1)
    return parent.length === 0 || valueAt(env, parent) !== undefined
  })
}

/** Every way to break one field; `pick` chooses among them. */
function fieldFaults(f: FieldSpec, present: unknown): Fault[] {
  const at = invalidAt(f.path)
  const name = dotted(f.path)
  const out: Fault[] = []
  if (f.required) out.push({ name: `drop ${name}`, ops: [{ op: 'drop', path: f.path }], expect: at })
  for (const [type, values] of Object.entries(WRONG_TYPED))
    if (!f.types.includes(type as JsonType))
      for (const value of values)
        out.push({ name: `${name} as ${type}`, ops: [{ op: 'set', path: f.path, value }], expect: at })
  for (const value of f.bad)
    out.push({
      name: `${name} out of bounds`,
      ops: [{ op: 'set', path: f.path, value: printable(value) }],
      expect: at,
    })
  if (!f.types.includes('array'))
    out.push({
      name: `${name} deeply nested`,
      ops: [{ op: 'set', path: f.path, value: new Deep(12_000, 'array') }],
      expect: at,
    })
  if (typeof present === 'string')
    out.push({
      name: `${name} with U+0000`,
      ops: [{ op: 'set', path: f.path, value: `${present.slice(0, 40)}\u0000${present.slice(40, 79)}` }],
      expect: at,
    })
  return out
}

function specialFaults(draft: Draft): Fault[] {
  const env = draft.envelope
  const out: Fault[] = [
    {
      name: 'another member',
      ops: [{ op: 'set', path: ['memberId'], value: '$other' }],
      expect: { result: 'forbidden', code: 'member_mismatch', path: 'memberId' },
    },
    {
      name: 'a class the member is not in',
      ops: [{ op: 'set', path: ['classId'], value: 'fz-no-such-class' }],
      expect: { result: 'forbidden', code: 'not_in_class', path: 'classId' },
    },
    ...NOT_A_RECORD.map((value) => ({
      name: 'not a record',
      ops: [{ op: 'whole', value } as const],
      expect: invalidAt([]),
    })),
    // Corrected time (occurredAt + clockOffsetMs) outside what an ISO date can say.
    ...[9e15, -9e15, 8.64e15 + 1].map((value) => ({
      name: 'offset beyond any date',
      ops: [{ op: 'set', path: ['clockOffsetMs'], value } as const],
      expect: invalidAt(['clockOffsetMs']),
    })),
    {
      name: 'offset past year 9999',
      ops: [
        { op: 'set', path: ['occurredAt'], value: '9999-12-31T23:59:59.999Z' },
        { op: 'set', path: ['clockOffsetMs'], value: 1000 },
      ],
      expect: invalidAt(['clockOffsetMs']),
    },
    {
      name: 'offset before year 0',
      ops: [
        { op: 'set', path: ['occurredAt'], value: '0000-01-01T00:00:00Z' },
        { op: 'set', path: ['clockOffsetMs'], value: -1 },
      ],
      expect: invalidAt(['clockOffsetMs']),
    },
  ]
  for (const obj of STRICT_OBJECTS) {
    if (valueAt(env, obj) === undefined) continue
    for (const key of UNKNOWN_KEYS)
      out.push({
        name: `unknown key ${key}`,
        ops: [{ op: 'set', path: [...obj, key], value: 1 }],
        expect: { ...invalidAt(obj), path: unknownKeyPath(obj.map(String), key) },
      })
  }
  if (env.kind === 'lesson.completed')
    out.push({
      name: 'quiz record id with U+0000',
      ops: [{ op: 'set', path: ['payload', 'quizRecordId'], value: 'quiz\u0000record' }],
      expect: invalidAt(['payload', 'quizRecordId']),
    })
  if (env.kind === 'quiz.submitted') {
    const answers = ['payload', 'answers']
    for (const value of ['yes', 1, null, {}, Array(11).fill('a'), [new Repeat('x', 21)], [1]])
      out.push({
        name: 'answer of the wrong shape',
        ops: [{ op: 'set', path: [...answers, 'q1'], value }],
        expect: invalidAt([...answers, 'q1']),
      })
    const longKey = 'k'.repeat(41)
    out.push({
      name: 'question id too long',
      ops: [{ op: 'set', path: [...answers, longKey], value: true }],
      expect: invalidAt([...answers, longKey]),
    })
  }
  return out
}

/** All faults for this draft, in a stable order (so a seed picks the same one again). */
export function faultsFor(draft: Draft): Fault[] {
  return [
    ...fieldsOf(draft).flatMap((f) => fieldFaults(f, valueAt(draft.envelope, f.path))),
    ...specialFaults(draft),
  ]
}

/** A draft with one fault. */
export function faultyArb(draftArb: fc.Arbitrary<Draft>): fc.Arbitrary<{ draft: Draft; fault: Fault }> {
  return draftArb.chain((draft) => {
    const faults = faultsFor(draft)
    return fc.nat(faults.length - 1).map((i) => ({ draft, fault: faults[i] as Fault }))
  })
}
