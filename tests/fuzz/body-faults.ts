import fc from 'fast-check'
import { unknownKeyPath } from '../../src/domain/zod-issue.ts'
import {
  BAD_UTF8_MARK,
  BAD_UTF8_SEQUENCES,
  deeplyNested,
  notJsonArb,
  setOwn,
  spliceBadUtf8,
  WRONG_CONTENT_TYPES,
} from './fuzz-kit.ts'
import type { JsonType, Key } from './record-drafts.ts'

/**
 * Faults of a whole JSON request body (login, new user, the push envelope): one per case,
 * applied to a valid body made when the case runs, with the error the server owes for it.
 * `undefined` as the owed error means the body is well formed and the endpoint decides.
 */

export interface BodyField {
  readonly name: string
  readonly types: readonly JsonType[]
  readonly required: boolean
  /** Values of the right type that break a rule; `path` defaults to the field's name. */
  readonly bad: readonly unknown[]
}

export type BodyFault =
  | { readonly kind: 'drop' | 'nul'; readonly field: string }
  | { readonly kind: 'set'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'unknownKey'; readonly key: string }
  | { readonly kind: 'notObject'; readonly value: unknown }
  /** Arrays nested `depth` deep as the whole body, or objects nested in a field's value. */
  | { readonly kind: 'deep'; readonly depth: number; readonly style: 'array' }
  | { readonly kind: 'deep'; readonly depth: number; readonly style: 'object'; readonly field: string }
  | { readonly kind: 'notJson'; readonly text: string }
  | { readonly kind: 'badUtf8'; readonly at: number; readonly sequence: readonly number[] }
  | { readonly kind: 'contentType'; readonly type: string | undefined }
  | { readonly kind: 'oversize'; readonly extra: number }

export interface Owed {
  readonly status: number
  readonly code: string
  readonly path?: string
}

export interface Rendered {
  readonly body: Uint8Array | string
  readonly contentType: string | undefined
  /** undefined: a well-formed body. */
  readonly owed: Owed | undefined
}

const WRONG_TYPED: Readonly<Record<JsonType, readonly unknown[]>> = {
  string: ['NaN', 'Infinity', '1e999', 'true'],
  number: [0, -1, 1.5, 1e308, 2 ** 53],
  boolean: [true, false],
  null: [null],
  array: [[], ['x']],
  object: [{}, { a: 1 }, JSON.parse('{"__proto__":{"isAdmin":true}}')],
}
const UNKNOWN_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'role ', '', 'isAdmin', 'userId']

/**
 * Faults for a body with these fields. `limit` is the endpoint's body limit in bytes;
 * `utf8Paths` are string fields of the valid body where bad bytes can be spliced in.
 */
export function bodyFaultArb(
  fields: readonly BodyField[],
  limit: number,
  utf8Count: number,
): fc.Arbitrary<BodyFault> {
  const name = fc.constantFrom(...fields.map((f) => f.name))
  const required = fields.filter((f) => f.required).map((f) => f.name)
  const typeFaults = fields.flatMap((f) =>
    Object.entries(WRONG_TYPED)
      .filter(([t]) => !f.types.includes(t as JsonType))
      .flatMap(([, vs]) => vs.map((value) => ({ kind: 'set' as const, field: f.name, value }))),
  )
  const badValues = fields.flatMap((f) =>
    f.bad.map((value) => ({ kind: 'set' as const, field: f.name, value })),
  )
  const deepest = Math.floor(limit / 2) - 16
  const drops = required.length
    ? [
        {
          weight: 2,
          arbitrary: fc.constantFrom(...required).map((field) => ({ kind: 'drop' as const, field })),
        },
      ]
    : []
  return fc.oneof(
    ...drops,
    { weight: 3, arbitrary: fc.constantFrom(...typeFaults) },
    {
      weight: 4,
      arbitrary: badValues.length ? fc.constantFrom(...badValues) : fc.constantFrom(...typeFaults),
    },
    { weight: 1, arbitrary: name.map((field) => ({ kind: 'nul' as const, field })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...UNKNOWN_KEYS).map((key) => ({ kind: 'unknownKey' as const, key })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>([], 'body', 42, null, true, [{}])
        .map((value) => ({ kind: 'notObject' as const, value })),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc
          .integer({ min: 1000, max: deepest })
          .map((depth) => ({ kind: 'deep' as const, depth, style: 'array' as const })),
        fc
          .tuple(fc.integer({ min: 300, max: Math.floor(deepest / 3) - 100 }), name)
          .map(([depth, field]) => ({
            kind: 'deep' as const,
            depth,
            style: 'object' as const,
            field,
          })),
      ),
    },
    { weight: 1, arbitrary: notJsonArb.map((text) => ({ kind: 'notJson' as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ at: fc.nat(Math.max(0, utf8Count - 1)), sequence: fc.constantFrom(...BAD_UTF8_SEQUENCES) })
        .map((b) => ({ kind: 'badUtf8' as const, ...b })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...WRONG_CONTENT_TYPES)
        .map((type) => ({ kind: 'contentType' as const, type })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 20_000 }).map((extra) => ({ kind: 'oversize' as const, extra })),
    },
  )
}

const JSON_TYPE = 'application/json'

function setPath(root: Record<string, unknown>, path: readonly Key[], value: unknown) {
  let node = root
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, unknown>
  node[String(path.at(-1))] = value
}

/** The body with its fault, and what the server owes for it. */
export function renderBody(
  valid: Record<string, unknown>,
  fault: BodyFault | undefined,
  options: { limit: number; utf8Paths: readonly (readonly Key[])[] },
): Rendered {
  const body = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>
  const json = (v: unknown, owed: Owed | undefined): Rendered => ({
    body: JSON.stringify(v),
    contentType: JSON_TYPE,
    owed,
  })
  const invalid = (path: string): Owed => ({ status: 400, code: 'invalid', path })
  if (!fault) return json(body, undefined)
  switch (fault.kind) {
    case 'drop':
      delete body[fault.field]
      return json(body, invalid(fault.field))
    case 'set':
      setOwn(body, fault.field, JSON.parse(JSON.stringify(fault.value)))
      return json(body, invalid(fault.field))
    case 'nul': {
      const present = body[fault.field]
      // Only a string can carry a NUL; any other field gets one as a string, a wrong type.
      body[fault.field] =
        typeof present === 'string' ? `${present.slice(0, 3)}\u0000${present.slice(3)}` : '\u0000'
      return json(body, invalid(fault.field))
    }
    case 'unknownKey':
      setOwn(body, fault.key, 'x')
      // The key itself is the path when it is a plain name; any other key is never echoed.
      return json(body, invalid(unknownKeyPath([], fault.key)))
    case 'notObject':
      return json(fault.value, invalid(''))
    case 'deep': {
      if (fault.style === 'array')
        return { body: deeplyNested(fault.depth, 'array'), contentType: JSON_TYPE, owed: invalid('') }
      body[fault.field] = '@@deep@@'
      return {
        body: JSON.stringify(body).replace('"@@deep@@"', deeplyNested(fault.depth, 'object')),
        contentType: JSON_TYPE,
        owed: invalid(fault.field),
      }
    }
    case 'notJson':
      return { body: fault.text, contentType: JSON_TYPE, owed: { status: 400, code: 'unparseable' } }
    case 'badUtf8': {
      const path = options.utf8Paths[fault.at % options.utf8Paths.length] as readonly Key[]
      setPath(body, path, `ok${BAD_UTF8_MARK}ok`)
      return {
        body: spliceBadUtf8(JSON.stringify(body), fault.sequence),
        contentType: JSON_TYPE,
        owed: { status: 400, code: 'unparseable' },
      }
    }
    case 'contentType':
      return {
        body: JSON.stringify(body),
        contentType: fault.type,
        owed: { status: 415, code: 'unsupported_media_type' },
      }
    case 'oversize': {
      const text = JSON.stringify(body)
      const padded = `${text.slice(0, -1)},"padding":"${'p'.repeat(options.limit - text.length + fault.extra)}"}`
      return { body: padded, contentType: JSON_TYPE, owed: { status: 413, code: 'too_large' } }
    }
  }
}
