import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse, stringify } from 'yaml'
import { type LoadResult, loadContent } from '../../build/content-loader.ts'
import { validContentFiles } from '../content/fixture-content.ts'

/**
 * The small valid content tree of tests/content (two sites, two lessons, one route) plus one
 * site key, held as data so a fault can change one field, then written back as real files and
 * read by the same loader as `npm run content:check`.
 */

export type FileKind = 'site' | 'lesson' | 'route' | 'key'

export interface ContentFile {
  readonly kind: FileKind
  /** Front matter (sites), the YAML document (lessons, routes) or the JSON (keys). */
  data: Record<string, unknown>
  /** A site's Markdown body. */
  body?: string
}

export type Tree = Record<string, ContentFile>

export const SITE = 'routes-data/sites/zaoyuan.md'
export const OTHER_SITE = 'routes-data/sites/yangjialing.md'
export const LESSON = 'routes-data/lessons/zaoyuan-lesson.yaml'
export const ROUTE = 'routes-data/routes/test-route.yaml'
export const KEY = 'routes-data/keys/fuzz-key.json'

const KEY_FILE = {
  kid: 'fuzz-key',
  use: 'site',
  alg: 'ES256',
  publicKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'fZHHN1Gx4Yim61bv9xFCm4DD_bslsJ3mKzmNATxTA4M',
    y: 'kVLyGTNyVirS86du-o9wM7r26MLJuIRXThfN8lNdrtI',
  },
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/

export function validTree(): Tree {
  const tree: Tree = {}
  for (const [path, text] of Object.entries(validContentFiles())) {
    if (path.endsWith('.md')) {
      const [, yaml, body] = FRONT_MATTER.exec(text) ?? []
      tree[path] = { kind: 'site', data: parse(yaml ?? ''), body: body ?? '' }
    } else tree[path] = { kind: path.includes('/lessons/') ? 'lesson' : 'route', data: parse(text) }
  }
  tree[KEY] = { kind: 'key', data: structuredClone(KEY_FILE) }
  return tree
}

/** The file as its author would have written it. */
export function render(file: ContentFile): string {
  if (file.kind === 'key') return `${JSON.stringify(file.data, null, 2)}\n`
  const yaml = stringify(file.data, { lineWidth: 0 })
  return file.kind === 'site' ? `---\n${yaml}---\n${file.body ?? ''}` : yaml
}

/** Writes the files into a fresh project root, loads them, and removes the root again. */
export function loadFiles(files: Readonly<Record<string, string | Uint8Array>>): LoadResult {
  const root = mkdtempSync(join(tmpdir(), 'hongtu-fuzz-content-'))
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
    }
    return loadContent(root, undefined, { trustTestKeys: false })
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export function renderTree(tree: Tree): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(tree).map(([path, file]) => [path, render(file)]))
}
