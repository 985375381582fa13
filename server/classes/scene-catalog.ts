import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadScenes } from '../../scenes/load-scenes.ts'
import type { SceneFile } from '../../src/domain/scenes/schema.ts'

/**
 * The VR scenes a class may list (scenes/<id>/scene.yaml, the same files scenes/registry.ts
 * bundles for the app). Read from the project folder once, on first use, with the same
 * validation as the build; a scene that fails it is not offered. A SceneFile is also what the
 * class dashboard (src/domain/classes/dashboard.ts) reads of a scene. A deployment without the
 * scenes/ folder offers none (classes of a route still work).
 */
const cache = new Map<string, readonly SceneFile[]>()

export function sceneCatalog(projectRoot: string): readonly SceneFile[] {
  let scenes = cache.get(projectRoot)
  if (!scenes) {
    scenes = existsSync(join(projectRoot, 'scenes')) ? loadScenes(projectRoot).scenes : []
    cache.set(projectRoot, scenes)
  }
  return scenes
}

const standalone = new Map<string, ReadonlySet<string>>()

/**
 * Lesson ids that scenes complete without a routes-data lesson (the oath hall's `oath-renewal`):
 * records naming them are known lessons, not `unknown-lesson`.
 */
export function standaloneLessonIds(projectRoot: string): ReadonlySet<string> {
  let ids = standalone.get(projectRoot)
  if (!ids) {
    ids = new Set(sceneCatalog(projectRoot).flatMap((scene) => scene.standaloneCompletion?.lessonId ?? []))
    standalone.set(projectRoot, ids)
  }
  return ids
}
