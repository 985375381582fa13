import type { GuideCommand } from './commands.ts'

/**
 * Checks a trainer's command against the class and the content (the server does this before
 * anything reaches a member): a stop must be on the class's route, a lesson must exist, a scene
 * must exist and be one of the class's scenes, a hotspot must be in its scene, an oath line must
 * exist. A class that lists no scenes takes no VR commands at all: its dashboard and archive have
 * no VR columns (src/domain/classes/dashboard-columns.ts), so what it led there would not show.
 */
export interface GuideScene {
  readonly id: string
  readonly hotspotIds: readonly string[]
  /** Lines of the oath ceremony (0: the scene has none). */
  readonly oathLines: number
}

export interface ClassCatalog {
  /** The stops of the class's route, in order (empty for a VR-only class). */
  readonly stops: readonly string[]
  readonly lessonIds: ReadonlySet<string>
  /** Every scene of the VR classroom. */
  readonly scenes: ReadonlyMap<string, GuideScene>
  /** The scenes the class takes; empty means none (no VR commands). */
  readonly classSceneIds: readonly string[]
}

export type CommandProblem = { readonly field: string; readonly message: string }

export function commandProblem(command: GuideCommand, catalog: ClassCatalog): CommandProblem | null {
  switch (command.type) {
    case 'gather':
      return catalog.stops.includes(command.siteId)
        ? null
        : { field: 'command.siteId', message: "is not a stop of the class's route" }
    case 'start-lesson':
    case 'show-quiz':
      return catalog.lessonIds.has(command.lessonId)
        ? null
        : { field: 'command.lessonId', message: 'names no lesson' }
    case 'end':
      return null
    case 'vr-pause':
      return catalog.classSceneIds.length === 0 ? NO_SCENES : null
    case 'vr-scene':
      return sceneProblem(command.sceneId, catalog)
    case 'vr-look': {
      const problem = sceneProblem(command.sceneId, catalog)
      if (problem) return problem
      return catalog.scenes.get(command.sceneId)?.hotspotIds.includes(command.hotspotId)
        ? null
        : { field: 'command.hotspotId', message: 'is not a hotspot of the scene' }
    }
    case 'vr-oath-start':
    case 'vr-oath-line': {
      const problem = sceneProblem(command.sceneId, catalog)
      if (problem) return problem
      const lines = catalog.scenes.get(command.sceneId)?.oathLines ?? 0
      if (lines === 0) return { field: 'command.sceneId', message: 'has no oath ceremony' }
      if (command.type === 'vr-oath-line' && command.line > lines)
        return { field: 'command.line', message: `is past the oath's last line (${lines})` }
      return null
    }
  }
}

const NO_SCENES: CommandProblem = { field: 'command.type', message: 'the class has no VR scenes' }

function sceneProblem(sceneId: string, catalog: ClassCatalog): CommandProblem | null {
  if (!catalog.scenes.has(sceneId)) return { field: 'command.sceneId', message: 'names no scene' }
  if (catalog.classSceneIds.length === 0) return NO_SCENES
  if (!catalog.classSceneIds.includes(sceneId))
    return { field: 'command.sceneId', message: "is not one of the class's scenes" }
  return null
}
