import type { AttestPlace } from '../../domain/attest/token.ts'
import type { LocalizedText } from '../../domain/content/schema.ts'
import type { SceneFile } from '../../domain/scenes/schema.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

/**
 * Where a trainer can attest presence for a class: the stops of its route, then the lessons
 * taught at those stops and in its VR scenes (each once, in route order). A scene completed
 * without a routes-data lesson (the oath renewal) is offered by its completion's lesson id,
 * under the scene's title: a VR-center class has no stops, and the oath is often all it does.
 */

/** What a class's scene is completed as: its lesson, or its own completion and title. */
export type SceneLesson =
  | { readonly lesson: string }
  | { readonly standaloneLesson: string; readonly title: LocalizedText }

export interface PlaceOption {
  /** `site:<id>` or `lesson:<id>`: a select's value. */
  readonly value: string
  readonly at: AttestPlace
  readonly name: LocalizedText
}

export function sceneLessonOf(scene: SceneFile | undefined): SceneLesson | undefined {
  if (scene?.lesson) return { lesson: scene.lesson }
  if (scene?.standaloneCompletion)
    return { standaloneLesson: scene.standaloneCompletion.lessonId, title: scene.title }
  return undefined
}

export function attestPlaces(
  cls: { readonly routeId: string | null; readonly sceneIds: readonly string[] },
  content: ContentIndex,
  sceneLesson: (sceneId: string) => SceneLesson | undefined,
): { sites: PlaceOption[]; lessons: PlaceOption[] } {
  const sites: PlaceOption[] = []
  const lessonIds: string[] = []
  const route = cls.routeId ? content.route(cls.routeId) : undefined
  for (const stop of route?.stops ?? []) {
    const site = content.site(stop.site)
    if (!site || sites.some((s) => s.value === `site:${site.id}`)) continue
    sites.push({ value: `site:${site.id}`, at: { site: site.id }, name: site.name })
    lessonIds.push(...site.lessons)
  }
  const standalone = new Map<string, LocalizedText>()
  for (const sceneId of cls.sceneIds) {
    const of = sceneLesson(sceneId)
    if (!of) continue
    if ('lesson' in of) lessonIds.push(of.lesson)
    else {
      lessonIds.push(of.standaloneLesson)
      standalone.set(of.standaloneLesson, of.title)
    }
  }
  const lessons = [...new Set(lessonIds)].flatMap((id) => {
    const name = content.lesson(id)?.title ?? standalone.get(id)
    return name ? [{ value: `lesson:${id}`, at: { lesson: id }, name }] : []
  })
  return { sites, lessons }
}
