import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseDocument } from 'yaml'
import { type ContentIssue, formatContentIssue } from '../src/domain/content/errors.ts'
import { buildContent, type ContentPack, type RawContentFile } from '../src/domain/content/pack.ts'

/**
 * Reads routes-data/ from disk, parses YAML and front matter, and hands the data to the pure
 * validator in src/domain. File names in issues are relative to `projectRoot`, so messages
 * read `routes-data/sites/zaoyuan.md: …`.
 */

const FOLDERS = [
  { folder: 'sites', kind: 'site', ext: /\.md$/ },
  { folder: 'lessons', kind: 'lesson', ext: /\.ya?ml$/ },
  { folder: 'routes', kind: 'route', ext: /\.ya?ml$/ },
] as const

export interface LoadResult {
  readonly pack?: ContentPack
  readonly issues: readonly ContentIssue[]
  readonly files: readonly string[]
}

function parseYaml(file: string, text: string, issues: ContentIssue[], lineOffset = 0): unknown {
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
  return doc.errors.length > 0 ? undefined : doc.toJS()
}

/** Splits `---\nYAML\n---\nbody` and returns both, or an issue when the fences are missing. */
function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''))
  return match ? { yaml: match[1] ?? '', body: match[2] ?? '' } : undefined
}

export function loadContent(projectRoot: string, contentDir = join(projectRoot, 'routes-data')): LoadResult {
  const issues: ContentIssue[] = []
  const raw: RawContentFile[] = []
  const files: string[] = []
  for (const { folder, kind, ext } of FOLDERS) {
    const dir = join(contentDir, folder)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      if (!ext.test(name)) continue
      const abs = join(dir, name)
      const file = relative(projectRoot, abs)
      files.push(abs)
      const text = readFileSync(abs, 'utf8')
      if (kind === 'site') {
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
  if (!built.body || issues.some((i) => i.severity === 'error')) return { issues, files }
  const version = createHash('sha256').update(JSON.stringify(built.body)).digest('hex').slice(0, 16)
  return { pack: { version, ...built.body }, issues, files }
}

export function describeIssues(issues: readonly ContentIssue[]): string {
  return issues.map(formatContentIssue).join('\n')
}
