import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseDocument } from 'yaml'
import { type ContentIssue, formatContentIssue } from '../src/domain/content/errors.ts'
import { buildContent, type ContentPack, type RawContentFile } from '../src/domain/content/pack.ts'
import { deepestNesting, MAX_NESTING, readUtf8 } from './content-text.ts'

/**
 * Reads routes-data/ from disk, parses YAML, JSON and front matter, and hands the data to the
 * pure validator in src/domain. File names in issues are relative to `projectRoot`, so messages
 * read `routes-data/sites/zaoyuan.md: …`.
 */

const FOLDERS = [
  { folder: 'sites', kind: 'site', ext: /\.md$/ },
  { folder: 'lessons', kind: 'lesson', ext: /\.ya?ml$/ },
  { folder: 'routes', kind: 'route', ext: /\.ya?ml$/ },
  { folder: 'keys', kind: 'key', ext: /\.json$/ },
] as const

/**
 * Public keys of the test key pair (tests/fixtures/keys/), whose private half is in the
 * repository. They join the key ring only when the build is told to trust them.
 */
export const TEST_KEYS_DIR = 'tests/fixtures/keys'
export const TRUST_TEST_KEYS_ENV = 'HONGTU_TRUST_TEST_KEYS'

export interface LoadOptions {
  /**
   * Add the test keys to the key ring (e2e tests sign QR codes with them). Default: the
   * environment variable HONGTU_TRUST_TEST_KEYS is `1`. Never set for a build that is deployed.
   */
  readonly trustTestKeys?: boolean
}

export interface LoadResult {
  readonly pack?: ContentPack
  readonly issues: readonly ContentIssue[]
  readonly files: readonly string[]
}

function parseYaml(file: string, text: string, issues: ContentIssue[], lineOffset = 0): unknown {
  const nesting = deepestNesting(text)
  if (nesting.depth > MAX_NESTING) {
    issues.push({
      file,
      path: `line ${nesting.line + lineOffset}`,
      value: undefined,
      rule: `is nested more than ${MAX_NESTING} levels deep`,
      severity: 'error',
    })
    return undefined
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  for (const e of doc.errors) {
    const line = (e.linePos?.[0]?.line ?? 0) + lineOffset
    issues.push({
      file,
      path: `line ${line}`,
      value: undefined,
      rule: `is not valid YAML: ${e.code}`,
      severity: 'error',
    })
  }
  if (doc.errors.length > 0) return undefined
  try {
    return doc.toJS()
  } catch (e) {
    // Resolving aliases throws: one that names no anchor, or so many that they would blow up.
    const why = e instanceof Error ? e.message : String(e)
    issues.push({ file, path: '', value: undefined, rule: `is not valid YAML: ${why}`, severity: 'error' })
    return undefined
  }
}

/** Splits `---\nYAML\n---\nbody` and returns both, or an issue when the fences are missing. */
function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''))
  return match ? { yaml: match[1] ?? '', body: match[2] ?? '' } : undefined
}

function parseJson(file: string, text: string, issues: ContentIssue[]): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    const rule = `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`
    issues.push({ file, path: '', value: undefined, rule, severity: 'error' })
    return undefined
  }
}

export function loadContent(
  projectRoot: string,
  contentDir = join(projectRoot, 'routes-data'),
  options: LoadOptions = {},
): LoadResult {
  const trustTestKeys = options.trustTestKeys ?? process.env[TRUST_TEST_KEYS_ENV] === '1'
  const issues: ContentIssue[] = []
  const raw: RawContentFile[] = []
  const files: string[] = []
  const folders = [
    ...FOLDERS.map((f) => ({ ...f, dir: join(contentDir, f.folder) })),
    ...(trustTestKeys
      ? [{ kind: 'key', ext: /\.json$/, dir: join(projectRoot, TEST_KEYS_DIR) } as const]
      : []),
  ]
  for (const { dir, kind, ext } of folders) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      if (!ext.test(name)) continue
      const abs = join(dir, name)
      const file = relative(projectRoot, abs)
      files.push(abs)
      const read = readUtf8(abs)
      if (!('text' in read)) {
        issues.push({
          file,
          path: `line ${read.badLine}`,
          value: undefined,
          rule: 'is not valid UTF-8: save the file as UTF-8',
          severity: 'error',
        })
        continue
      }
      const { text } = read
      if (kind === 'key') {
        const data = parseJson(file, text, issues)
        if (data !== undefined) raw.push({ file, kind, data })
      } else if (kind === 'site') {
        const parts = splitFrontMatter(text)
        if (!parts) {
          issues.push({
            file,
            path: '',
            value: undefined,
            rule: 'has no YAML front matter between --- lines',
            severity: 'error',
          })
          continue
        }
        const data = parseYaml(file, parts.yaml, issues, 1)
        if (data !== undefined) raw.push({ file, kind, data, body: parts.body })
      } else {
        const data = parseYaml(file, text, issues)
        if (data !== undefined) raw.push({ file, kind, data })
      }
    }
  }
  const mediaExists = (src: string) => existsSync(join(projectRoot, 'public', src))
  const built = buildContent(raw, { mediaExists })
  issues.push(...built.issues)
  for (const r of raw)
    if (r.kind === 'key' && r.file.startsWith(TEST_KEYS_DIR))
      issues.push({
        file: r.file,
        path: '',
        value: undefined,
        rule: `is a TEST key, trusted because ${TRUST_TEST_KEYS_ENV}=1: anyone can sign codes with it, never deploy this build`,
        severity: 'notice',
      })
  if (!built.body || issues.some((i) => i.severity === 'error')) return { issues, files }
  const version = createHash('sha256').update(JSON.stringify(built.body)).digest('hex').slice(0, 16)
  return { pack: { version, ...built.body }, issues, files }
}

export function describeIssues(issues: readonly ContentIssue[]): string {
  return issues.map(formatContentIssue).join('\n')
}
