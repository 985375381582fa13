import fc from 'fast-check'
import { formatPath } from '../../src/domain/content/errors.ts'
import { FIELDS, type Field, STRICT, UNKNOWN_KEYS } from './content-fields.ts'
import { KEY, LESSON, OTHER_SITE, ROUTE, SITE } from './content-tree.ts'
import { BAD_UTF8_SEQUENCES } from './fuzz-kit.ts'
import type { JsonType, Key } from './record-drafts.ts'

/**
 * Faults of content files, each with the issue the loader owes for it: the file, the field
 * path (or `line N` for text that is not YAML or not UTF-8) and, for a changed field, the value.
 * Each breaks one rule of the otherwise valid tree in content-tree.ts.
 */

export type ContentFault =
  | { readonly kind: 'drop'; readonly file: string; readonly path: readonly Key[] }
  | {
      readonly kind: 'set'
      readonly file: string
      readonly sets: readonly { path: readonly Key[]; value: unknown }[]
    }
  | { readonly kind: 'copy'; readonly file: string; readonly to: string }
  | { readonly kind: 'body'; readonly file: string; readonly body: string }
  | { readonly kind: 'insertLine'; readonly file: string; readonly line: number; readonly snippet: string }
  | { readonly kind: 'noFrontMatter'; readonly file: string }
  | {
      readonly kind: 'badUtf8'
      readonly file: string
      readonly pick: number
      readonly sequence: readonly number[]
    }
  /** The value at `path` written as this YAML text (aliases, deep nesting). */
  | { readonly kind: 'rawYaml'; readonly file: string; readonly path: readonly Key[]; readonly yaml: string }
  /** The value at `path` as `[` nested `depth` deep (made when the case runs: it prints short). */
  | { readonly kind: 'deep'; readonly file: string; readonly path: readonly Key[]; readonly depth: number }

export interface Owed {
  readonly file: string
  readonly path: string | RegExp
  readonly rule?: RegExp
  /** The value the issue must name (a changed field). */
  readonly value?: { readonly is: unknown }
}

export interface ContentCase {
  readonly name: string
  readonly fault: ContentFault
  readonly owed: Owed
}

const WRONG_TYPED: Readonly<Record<JsonType, readonly unknown[]>> = {
  string: ['text', '12', 'true'],
  number: [123, 1.5, 0],
  boolean: [true, false],
  null: [null],
  array: [['x'], []],
  object: [{}, { zh: '对象' }],
}
const at = (file: string, path: readonly Key[], extra: Omit<Owed, 'file' | 'path'> = {}): Owed => ({
  file,
  path: formatPath(path),
  ...extra,
})
const set = (file: string, path: readonly Key[], value: unknown): ContentFault => ({
  kind: 'set',
  file,
  sets: [{ path, value }],
})

function fieldCases(f: Field): ContentCase[] {
  const name = `${f.file.split('/').pop()}: ${formatPath(f.path)}`
  const out: ContentCase[] = []
  if (f.required)
    out.push({
      name: `${name} dropped`,
      fault: { kind: 'drop', file: f.file, path: f.path },
      owed: at(f.file, f.path, { rule: /is missing \(required\)|is not a/ }),
    })
  for (const [type, values] of Object.entries(WRONG_TYPED))
    if (!f.types.includes(type as JsonType))
      for (const value of values)
        out.push({
          name: `${name} as ${type}`,
          fault: set(f.file, f.path, value),
          owed: at(f.file, f.path, { value: { is: value } }),
        })
  for (const value of f.bad)
    out.push({
      name: `${name} breaks a rule`,
      fault: set(f.file, f.path, value),
      owed: at(f.file, f.path, { value: { is: value } }),
    })
  return out
}

export const NESTED = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const ALIAS_BOMB = `[&a [x,x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]]`
const NOT_YAML = [
  'broken: [unclosed',
  'broken: "unterminated',
  'broken: {a: 1',
  ']',
  'id: again',
  '\tkey: tab',
  'a: b: c',
]
const YAML_LINE = /^line \d+$/

/** Faults that are not about one field's type or range. */
function otherCases(): ContentCase[] {
  const unknown = STRICT.flatMap(([file, path]) =>
    UNKNOWN_KEYS.map((key) => ({
      name: `unknown key ${key}`,
      fault: set(file, [...path, key], 1),
      owed: at(file, path, { rule: /has unknown field/ }),
    })),
  )
  const broken = (name: string, fault: ContentFault, owed: Owed): ContentCase => ({
    name,
    fault,
    owed,
  })
  return [
    ...unknown,
    broken(
      'lesson names no site',
      set(LESSON, ['site'], 'nowhere'),
      at(LESSON, ['site'], { rule: /names no site/ }),
    ),
    broken(
      'site names no lesson',
      set(SITE, ['lessons', 0], 'no-such-lesson'),
      at(SITE, ['lessons', 0], { rule: /names no lesson/ }),
    ),
    broken(
      "site lists another site's lesson",
      set(SITE, ['lessons', 0], 'yangjialing-lesson'),
      at(SITE, ['lessons', 0], { rule: /lesson of another site/ }),
    ),
    broken(
      'stop names no site',
      set(ROUTE, ['stops', 1, 'site'], 'nowhere'),
      at(ROUTE, ['stops', 1, 'site'], { rule: /names no site/ }),
    ),
    broken(
      'stop after the last day',
      set(ROUTE, ['stops', 1, 'day'], 2),
      at(ROUTE, ['stops', 1, 'day'], { rule: /last day/ }),
    ),
    broken(
      'stops go back a day',
      {
        kind: 'set',
        file: ROUTE,
        sets: [
          { path: ['days'], value: 2 },
          { path: ['stops', 0, 'day'], value: 2 },
        ],
      },
      at(ROUTE, ['stops', 1, 'day'], { rule: /earlier day/ }),
    ),
    broken(
      'a site visited twice',
      set(ROUTE, ['stops', 1, 'site'], 'zaoyuan'),
      at(ROUTE, ['stops', 1, 'site'], { rule: /visited twice/ }),
    ),
    broken(
      'duplicate question id',
      set(LESSON, ['quiz', 'questions', 1, 'id'], 'q1'),
      at(LESSON, ['quiz', 'questions', 1, 'id'], { rule: /duplicate question id/ }),
    ),
    broken(
      'duplicate choice id',
      set(LESSON, ['quiz', 'questions', 0, 'choices', 1, 'id'], 'a'),
      at(LESSON, ['quiz', 'questions', 0, 'choices', 1, 'id'], { rule: /duplicate choice id/ }),
    ),
    broken(
      'no discussion step',
      set(LESSON, ['steps', 2], { kind: 'text', body: { zh: '第三段。' } }),
      at(LESSON, ['steps'], { rule: /discussion/ }),
    ),
    broken(
      'media that does not exist',
      set(LESSON, ['steps', 0], { kind: 'image', src: 'media/none.jpg', alt: { zh: '图' } }),
      at(LESSON, ['steps', 0, 'src'], { rule: /names no file/ }),
    ),
    broken(
      'media outside media/',
      set(LESSON, ['steps', 0], { kind: 'image', src: '../secret.jpg', alt: { zh: '图' } }),
      at(LESSON, ['steps', 0, 'src']),
    ),
    broken(
      'a private key part',
      set(KEY, ['publicKey', 'd'], 'PRIVATE-PART-MUST-NOT-SHOW'),
      at(KEY, ['publicKey', 'd'], { rule: /PRIVATE/ }),
    ),
    ...[SITE, LESSON, ROUTE, KEY].map((file) =>
      broken(
        'duplicate id',
        { kind: 'copy', file, to: file.replace(/(\.\w+)$/, '-copy$1') },
        {
          file: file.replace(/(\.\w+)$/, '-copy$1'),
          path: file === KEY ? 'kid' : 'id',
        },
      ),
    ),
    broken(
      'history too short',
      { kind: 'body', file: SITE, body: '## 历史沿革\n很短。\n' },
      { file: SITE, path: '(body)' },
    ),
    broken(
      'no front matter',
      { kind: 'noFrontMatter', file: SITE },
      { file: SITE, path: '', rule: /front matter/ },
    ),
    broken(
      'an alias that names no anchor',
      { kind: 'rawYaml', file: SITE, path: ['region'], yaml: '*nowhere' },
      { file: SITE, path: /^(line \d+)?$/, rule: /not valid YAML/ },
    ),
    broken(
      'an alias bomb',
      { kind: 'rawYaml', file: LESSON, path: ['keyFacts'], yaml: ALIAS_BOMB },
      { file: LESSON, path: /^(line \d+)?$/, rule: /not valid YAML/ },
    ),
    broken(
      'a value that contains itself',
      { kind: 'rawYaml', file: SITE, path: ['name'], yaml: '&self { zh: *self }' },
      at(SITE, ['name', 'zh']),
    ),
    broken(
      'a YAML binary where text belongs',
      { kind: 'rawYaml', file: OTHER_SITE, path: ['summary', 'zh'], yaml: '!!binary aGVsbG8=' },
      at(OTHER_SITE, ['summary', 'zh']),
    ),
  ]
}

const ALL: readonly ContentCase[] = [...FIELDS.flatMap(fieldCases), ...otherCases()]

/** Arbitrary content faults: a fixed case, or text-level damage at a random place. */
export const contentCaseArb: fc.Arbitrary<ContentCase> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...ALL) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        file: fc.constantFrom(SITE, LESSON, ROUTE),
        line: fc.nat(40),
        snippet: fc.constantFrom(...NOT_YAML),
      })
      .map(({ file, line, snippet }) => ({
        name: 'not YAML',
        fault: { kind: 'insertLine' as const, file, line, snippet },
        owed: { file, path: YAML_LINE, rule: /is not valid YAML/ },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        file: fc.constantFrom(SITE, OTHER_SITE, LESSON, ROUTE),
        pick: fc.nat(),
        sequence: fc.constantFrom(...BAD_UTF8_SEQUENCES),
      })
      .map(({ file, pick, sequence }) => ({
        name: 'not UTF-8',
        fault: { kind: 'badUtf8' as const, file, pick, sequence },
        owed: { file, path: YAML_LINE, rule: /not valid UTF-8/ },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        f: fc.constantFrom(...FIELDS.filter((f) => !f.types.includes('array'))),
        depth: fc.oneof(fc.integer({ min: 2, max: 150 }), fc.integer({ min: 1000, max: 60_000 })),
      })
      .map(({ f, depth }) => ({
        name: `${formatPath(f.path)} nested ${depth} deep`,
        fault: { kind: 'deep' as const, file: f.file, path: f.path, depth },
        // JSON (key files) has no depth limit to trip: the value is merely of the wrong type.
        owed:
          depth > 150 && f.file !== KEY
            ? { file: f.file, path: YAML_LINE, rule: /nested more than/ }
            : at(f.file, f.path),
      })),
  },
)
