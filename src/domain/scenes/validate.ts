import { type ContentIssue, issuesFromZod } from '../content/errors.ts'
import { type SceneFile, SceneFileSchema } from './schema.ts'

/**
 * Validates one scene file and checks what it refers to: the lesson in the content pack (and
 * that the lesson is taught at the scene's site), the files it ships, and that the folder name
 * is the scene id. Pure: the caller says which lessons and files exist.
 */
export interface SceneRefs {
  /** The lessons of the content pack: id → the site it is taught at. */
  readonly lessonSites: ReadonlyMap<string, string>
  /** Whether a path under public/ exists (e.g. `xr/panoramas/x.jpg`). */
  readonly assetExists: (path: string) => boolean
}

export function validateSceneFile(
  file: string,
  folder: string,
  data: unknown,
  refs: SceneRefs,
): { scene?: SceneFile; issues: ContentIssue[] } {
  const parsed = SceneFileSchema.safeParse(data)
  if (!parsed.success) return { issues: issuesFromZod(file, data, parsed.error) }
  const scene = parsed.data
  const issues: ContentIssue[] = []
  const issue = (path: string, value: unknown, rule: string) =>
    issues.push({ file, path, value, rule, severity: 'error' })

  if (scene.id !== folder) issue('id', scene.id, `does not match the folder name (${folder})`)
  if (scene.lesson !== undefined) {
    const site = refs.lessonSites.get(scene.lesson)
    if (site === undefined) issue('lesson', scene.lesson, 'names no lesson in routes-data/lessons')
    else if (scene.site !== undefined && scene.site !== site)
      issue('site', scene.site, `is not the site of lesson ${scene.lesson} (${site})`)
  }
  scene.hotspots.forEach((h, i) => {
    if (h.audio && !refs.assetExists(h.audio.src))
      issue(`hotspots[${i}].audio.src`, h.audio.src, 'is not a file under public/')
  })
  if (scene.kind === 'panorama' && !refs.assetExists(scene.panorama.src))
    issue('panorama.src', scene.panorama.src, 'is not a file under public/')
  return issues.length > 0 ? { issues } : { scene, issues }
}
