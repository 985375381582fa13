/**
 * Why: content is written by people, in YAML and Markdown, and a bad file must fail the build
 * with a message its author can act on: the file, the field path (or the line), the value and
 * the rule (DESIGN.md "Content", notes/reliability.md P25), never a crash and never a content
 * pack built from it. tests/content/bad-content.test.ts pins one example per rule; this draws
 * hundreds of faults (wrong types, missing fields, values out of range, broken references,
 * duplicate ids, text that is not YAML or not UTF-8, nesting and aliases meant to exhaust the
 * parser) and feeds each through the loader `npm run content:check` uses.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { describeIssues, type LoadResult } from '../../build/content-loader.ts'
import { formatContentIssue, formatValue } from '../../src/domain/content/errors.ts'
import { validContentFiles } from '../content/fixture-content.ts'
import { type ContentCase, type ContentFault, contentCaseArb, NESTED, type Owed } from './content-faults.ts'
import { LESSON, loadFiles, render, renderTree, SITE, type Tree, validTree } from './content-tree.ts'
import { fuzzParams, setOwn } from './fuzz-kit.ts'
import type { Key } from './record-drafts.ts'

/** zod's own wording: a rule must be ours (src/domain/content/errors.ts replaces these). */
const ZOD_STOCK = /^(Invalid|Too (small|big)|Unrecognized|Expected)/

function setAt(root: Record<string, unknown>, path: readonly Key[], value: unknown) {
  let node = root
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, unknown>
  setOwn(node, String(path.at(-1)), JSON.parse(JSON.stringify(value)))
}

function dropAt(root: Record<string, unknown>, path: readonly Key[]) {
  let node = root
  for (const k of path.slice(0, -1)) node = node[k as string] as Record<string, unknown>
  delete node[String(path.at(-1))]
}

/** The files with the fault, and the issue owed (a line number is only known once the text is). */
function apply(fault: ContentFault, owed: Owed): { files: Record<string, string | Uint8Array>; owed: Owed } {
  const tree: Tree = validTree()
  const file = tree[fault.file]
  if (!file) throw new Error(`no file ${fault.file}`)
  const files = () => renderTree(tree)
  switch (fault.kind) {
    case 'drop':
      dropAt(file.data, fault.path)
      return { files: files(), owed }
    case 'set':
      for (const { path, value } of fault.sets) setAt(file.data, path, value)
      return { files: files(), owed }
    case 'copy':
      return { files: { ...files(), [fault.to]: render(file) }, owed }
    case 'body':
      file.body = fault.body
      return { files: files(), owed }
    case 'rawYaml':
    case 'deep': {
      setAt(file.data, fault.path, '@@RAW@@')
      const raw = fault.kind === 'deep' ? NESTED(fault.depth) : fault.yaml
      const text = render(file).replace(/(["']?)@@RAW@@\1/, () => raw)
      return { files: { ...files(), [fault.file]: text }, owed }
    }
    case 'noFrontMatter':
      return { files: { ...files(), [fault.file]: render(file).replace(/^---\n/, '') }, owed }
    case 'insertLine': {
      const lines = render(file).split('\n')
      // Inside the YAML: after a site's opening --- and before its closing one.
      const first = file.kind === 'site' ? 1 : 0
      const last = file.kind === 'site' ? lines.indexOf('---', 1) : lines.length
      const at = first + (fault.line % (last - first + 1))
      lines.splice(at, 0, fault.snippet)
      return { files: { ...files(), [fault.file]: lines.join('\n') }, owed }
    }
    case 'badUtf8': {
      const text = render(file)
      const cjk = [...text.matchAll(/[\u4e00-\u9fff]/g)]
      const hit = cjk[fault.pick % cjk.length]
      if (!hit || hit.index === undefined) throw new Error(`no Chinese text in ${fault.file}`)
      const before = Buffer.from(text.slice(0, hit.index), 'utf8')
      const after = Buffer.from(text.slice(hit.index + 1), 'utf8')
      const line = text.slice(0, hit.index).split('\n').length
      return {
        files: { ...files(), [fault.file]: Buffer.concat([before, Buffer.from(fault.sequence), after]) },
        owed: { ...owed, path: `line ${line}` },
      }
    }
  }
}

/** Every issue names a file of the tree and reads `file: path: value rule`, with a rule of ours. */
function expectWellFormed(result: LoadResult, files: readonly string[]) {
  for (const issue of result.issues) {
    const text = formatContentIssue(issue)
    expect(files, text).toContain(issue.file)
    expect(issue.rule.length, text).toBeGreaterThan(0)
    expect(issue.rule, text).not.toMatch(ZOD_STOCK)
    const where = issue.path === '' ? `${issue.file}: ` : `${issue.file}: ${issue.path}: `
    expect(text.replace(/^(warning|notice): /, ''), text).toMatch(
      new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    )
    if (issue.value !== undefined) expect(text).toContain(`${formatValue(issue.value)} ${issue.rule}`)
  }
}

function expectOwed(result: LoadResult, owed: Owed) {
  const errors = result.issues.filter((i) => i.severity === 'error')
  const all = describeIssues(result.issues)
  const found = errors.filter(
    (i) =>
      i.file === owed.file &&
      (typeof owed.path === 'string' ? i.path === owed.path : owed.path.test(i.path)) &&
      (owed.rule === undefined || owed.rule.test(i.rule)),
  )
  expect(
    found.length,
    `owed ${owed.file}: ${String(owed.path)} ${owed.rule ?? ''}\nreported:\n${all}`,
  ).toBeGreaterThan(0)
  if (owed.value)
    expect(
      found.map((i) => i.value),
      all,
    ).toContainEqual(owed.value.is)
}

describe('fuzzed content files', () => {
  const tally = { cases: 0, issues: 0 }
  afterAll(() => console.log(`content fuzz: ${tally.cases} cases, ${tally.issues} issues reported`))

  it('the valid tree the faults start from loads cleanly', () => {
    const result = loadFiles(renderTree(validTree()))
    expect(describeIssues(result.issues.filter((i) => i.severity !== 'notice'))).toBe('')
    expect(result.pack?.keys.map((k) => k.kid)).toEqual(['fuzz-key'])
  })

  it('every broken file is an error naming the file, the path, the value and the rule; no pack, no crash', () => {
    fc.assert(
      fc.property(contentCaseArb, ({ fault, owed: declared }: ContentCase) => {
        const { files, owed } = apply(fault, declared)
        let result: LoadResult
        try {
          result = loadFiles(files)
        } catch (e) {
          throw new Error(
            `the loader threw instead of reporting: ${e instanceof Error ? e.stack : String(e)}`,
          )
        }
        expect(result.pack).toBeUndefined()
        expectWellFormed(result, Object.keys(files))
        expectOwed(result, owed)
        // A private key part is refused without ever being shown.
        expect(describeIssues(result.issues)).not.toContain('PRIVATE-PART-MUST-NOT-SHOW')
        tally.cases += 1
        tally.issues += result.issues.length
      }),
      fuzzParams(260),
    )
  }, 180_000)
})

describe('content the fuzz suite broke the loader with', () => {
  // The fixture as its author wrote it (flow maps on one line), with one edit.
  const loadWith = (file: string, edit: (text: string) => string | Uint8Array) => {
    const files = validContentFiles()
    return loadFiles({ ...files, [file]: edit(files[file] as string) })
  }

  it('a YAML alias bomb is an error, not an exception out of the loader (was a ReferenceError)', () => {
    const result = loadWith(
      LESSON,
      (t) =>
        `${t}bomb: [&a [x,x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]]\n`,
    )
    expect(result.pack).toBeUndefined()
    expect(describeIssues(result.issues)).toMatch(
      /zaoyuan-lesson\.yaml: is not valid YAML: Excessive alias count/,
    )
  })

  it('an alias that names no anchor is an error (was a ReferenceError)', () => {
    const result = loadWith(SITE, (t) => t.replace(/^region: .*$/m, 'region: *nowhere'))
    expect(describeIssues(result.issues)).toMatch(/zaoyuan\.md: is not valid YAML: Unresolved alias/)
  })

  it('brackets nested 60,000 deep are an error at their line (the parser could abort the process)', () => {
    const result = loadWith(LESSON, (t) =>
      t.replace(/^durationMin: .*$/m, `durationMin: ${'['.repeat(60_000)}${']'.repeat(60_000)}`),
    )
    expect(describeIssues(result.issues)).toMatch(
      /zaoyuan-lesson\.yaml: line \d+: is nested more than 200 levels deep/,
    )
  })

  it('bytes that are not UTF-8 are an error at their line (they were built into the pack as U+FFFD)', () => {
    const result = loadWith(SITE, (t) => {
      const at = t.indexOf('测试市')
      return Buffer.concat([
        Buffer.from(t.slice(0, at)),
        Buffer.from([0xe6, 0xb5]),
        Buffer.from(t.slice(at + 1)),
      ])
    })
    expect(result.pack).toBeUndefined()
    expect(describeIssues(result.issues)).toContain(
      'routes-data/sites/zaoyuan.md: line 4: is not valid UTF-8',
    )
  })

  it('an infinite number is named as such, not as null', () => {
    const inf = loadWith(SITE, (t) => t.replace(/lat: [\d.]+/, 'lat: .inf'))
    expect(describeIssues(inf.issues)).toContain('zaoyuan.md: location.lat: Infinity is not a number')
  })
})
