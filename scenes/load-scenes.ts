import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseDocument } from 'yaml'
import { loadContent } from '../build/content-loader.ts'
import type { ContentIssue } from '../src/domain/content/errors.ts'
import type { SceneFile } from '../src/domain/scenes/schema.ts'
import { validateSceneFile } from '../src/domain/scenes/validate.ts'

/**
 * Reads every `scenes/<id>/scene.yaml` from disk and validates it against the schema and the
 * content pack in routes-data/ (lessons and their sites) and the files under public/. Used by the
 * build (scenes/vite-plugin.ts) and by the tests, so both judge a scene the same way.
 */
export interface LoadedScenes {
  readonly scenes: readonly SceneFile[]
  readonly issues: readonly ContentIssue[]
  readonly files: readonly string[]
}

export const SCENE_FILE = 'scene.yaml'

export function sceneFolders(projectRoot: string): string[] {
  const dir = join(projectRoot, 'scenes')
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, SCENE_FILE)))
    .map((d) => d.name)
    .sort()
}

export function loadSceneFile(projectRoot: string, folder: string, lessonSites: ReadonlyMap<string, string>) {
  const abs = join(projectRoot, 'scenes', folder, SCENE_FILE)
  const file = relative(projectRoot, abs)
  const doc = parseDocument(readFileSync(abs, 'utf8'), { prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0)
    return {
      file: abs,
      issues: doc.errors.map(
        (e): ContentIssue => ({
          file,
          path: `line ${e.linePos?.[0]?.line ?? 0}`,
          value: undefined,
          rule: `is not valid YAML: ${e.code}`,
          severity: 'error',
        }),
      ),
    }
  const assetExists = (path: string) => existsSync(join(projectRoot, 'public', path))
  return { file: abs, ...validateSceneFile(file, folder, doc.toJS(), { lessonSites, assetExists }) }
}

/** The lessons of routes-data as scene files may name them: id → site. */
export function lessonSitesOf(projectRoot: string): Map<string, string> {
  const content = loadContent(projectRoot)
  return new Map((content.pack?.lessons ?? []).map((l) => [l.id as string, l.site as string]))
}

export function loadScenes(projectRoot: string): LoadedScenes {
  const lessonSites = lessonSitesOf(projectRoot)
  const scenes: SceneFile[] = []
  const issues: ContentIssue[] = []
  const files: string[] = []
  for (const folder of sceneFolders(projectRoot)) {
    const loaded = loadSceneFile(projectRoot, folder, lessonSites)
    files.push(loaded.file)
    issues.push(...loaded.issues)
    if ('scene' in loaded && loaded.scene) scenes.push(loaded.scene)
  }
  return { scenes, issues, files }
}
