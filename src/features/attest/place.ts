import type { AttestPlace } from '../../domain/attest/token.ts'
import type { LocalizedText } from '../../domain/content/schema.ts'
import type { ContentIndex } from '../shell/content-context.tsx'

/** The name of a code's stop or lesson in the member's language; the id when the content lacks it. */
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
  return lesson ? text(lesson.title) : at.lesson
}
