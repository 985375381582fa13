import { SCENES } from '../../../scenes/registry.ts'
import type { AttestPlace } from '../../domain/attest/token.ts'
import type { LocalizedText } from '../../domain/content/schema.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

/**
 * The name of a code's stop or lesson in the member's language: a lesson completed in a VR scene
 * only (the oath renewal) by its scene's title; the id when neither knows it.
 */
export function placeName(
  at: AttestPlace,
  content: ContentIndex,
  text: (t: LocalizedText) => string,
): string {
  if ('site' in at) {
    const site = content.site(at.site)
    return site ? text(site.name) : at.site
  }
  const lesson = content.lesson(at.lesson)
  if (lesson) return text(lesson.title)
  const scene = SCENES.find((s) => s.data.standaloneCompletion?.lessonId === at.lesson)
  return scene ? text(scene.data.title) : at.lesson
}
