import type { AttestPlace } from '../../domain/attest/token.ts'
import type { LocalizedText } from '../../domain/content/schema.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

/**
 * Where a trainer can attest presence for a class: the stops of its route, then the lessons
 * taught at those stops and in its VR scenes (each once, in route order). A scene completed
 * without a routes-data lesson (the oath renewal) is not offered: the server could not name it.
 */

export interface PlaceOption {
  /** `site:<id>` or `lesson:<id>`: a select's value. */
  readonly value: string
  readonly at: AttestPlace
  readonly name: LocalizedText
}

export function attestPlaces(
  cls: { readonly routeId: string | null; readonly sceneIds: readonly string[] },
  content: ContentIndex,
  sceneLesson: (sceneId: string) => string | undefined,
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
  for (const sceneId of cls.sceneIds) {
    const lesson = sceneLesson(sceneId)
    if (lesson) lessonIds.push(lesson)
  }
  const lessons = [...new Set(lessonIds)].flatMap((id) => {
    const lesson = content.lesson(id)
    return lesson ? [{ value: `lesson:${lesson.id}`, at: { lesson: lesson.id }, name: lesson.title }] : []
  })
  return { sites, lessons }
}
