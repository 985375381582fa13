import { sceneEntry } from '../../../scenes/registry.ts'
import type { GuideCommand } from '../../domain/guide/commands.ts'
import { useLocalizedString } from '../../i18n/i18n.tsx'
import { useContent } from '../shell/content-context.tsx'
import { type GuideStrings, useGuideStrings } from './strings.ts'

/**
 * Names for what a command is about (a stop, a lesson, a scene, a hotspot), in the member's
 * language, falling back to the id when the content on this device does not have it (a phone
 * with an older content pack).
 */
export interface Names {
  site(id: string): string
  lesson(id: string): string
  scene(id: string): string
  hotspot(sceneId: string, hotspotId: string): string
  /** The 1-based position of a site on a route, or null. */
  stopNumber(routeId: string | null, siteId: string): number | null
}

export function useNames(): Names {
  const content = useContent()
  const text = useLocalizedString()
  return {
    site: (id) => {
      const s = content.site(id)
      return s ? text(s.name) : id
    },
    lesson: (id) => {
      const l = content.lesson(id)
      return l ? text(l.title) : id
    },
    scene: (id) => {
      const s = sceneEntry(id)?.data
      return s ? text(s.title) : id
    },
    hotspot: (sceneId, hotspotId) => {
      const h = sceneEntry(sceneId)?.data.hotspots.find((x) => x.id === hotspotId)
      return h ? text(h.title) : hotspotId
    },
    stopNumber: (routeId, siteId) => {
      const i = routeId ? (content.route(routeId)?.stops.findIndex((s) => s.site === siteId) ?? -1) : -1
      return i >= 0 ? i + 1 : null
    },
  }
}

/** A short description of a command for the trainer's "current command" line. */
export function describeCommand(command: GuideCommand, t: GuideStrings, names: Names): string {
  switch (command.type) {
    case 'gather':
      return t.describe.gather(names.site(command.siteId))
    case 'start-lesson':
      return t.describe.startLesson(names.lesson(command.lessonId))
    case 'show-quiz':
      return t.describe.showQuiz(names.lesson(command.lessonId))
    case 'end':
      return t.describe.end
    case 'vr-scene':
      return t.describe.vrScene(names.scene(command.sceneId))
    case 'vr-look':
      return t.describe.vrLook(names.hotspot(command.sceneId, command.hotspotId))
    case 'vr-pause':
      return t.describe.vrPause(command.paused)
    case 'vr-oath-start':
      return t.describe.vrOath(1)
    case 'vr-oath-line':
      return t.describe.vrOath(command.line)
  }
}

/** The banner's sentence and its "go" button for a command a member follows. */
export function bannerText(
  command: GuideCommand,
  routeId: string | null,
  t: GuideStrings,
  names: Names,
): { text: string; go: string | null } {
  switch (command.type) {
    case 'gather':
      return {
        text: t.gatherAt(names.stopNumber(routeId, command.siteId), names.site(command.siteId)),
        go: t.goSite,
      }
    case 'start-lesson':
      return { text: t.startLesson(names.lesson(command.lessonId)), go: t.goLesson }
    case 'show-quiz':
      return { text: t.showQuiz(names.lesson(command.lessonId)), go: t.goQuiz }
    case 'end':
      return { text: t.ended, go: null }
    case 'vr-scene':
      return { text: t.vrScene(names.scene(command.sceneId)), go: t.goScene }
    case 'vr-look':
      return {
        text: t.vrLook(names.scene(command.sceneId), names.hotspot(command.sceneId, command.hotspotId)),
        go: t.goScene,
      }
    case 'vr-oath-start':
    case 'vr-oath-line':
      return { text: t.vrOath, go: t.goScene }
    case 'vr-pause':
      return { text: t.describe.vrPause(command.paused), go: null }
  }
}

export const useGuideText = () => ({ t: useGuideStrings(), names: useNames() })
