import type { FollowTarget } from '../../domain/guide/follow.ts'
import { paths } from '../shell/router.tsx'

/**
 * Where a followed command takes the member, and whether the screen shows it yet. "Shows" is
 * judged from what is on screen, not from where the app was told to go: the trainer's
 * "followed ✓" must not run ahead of the member's phone.
 */
export function pathOf(target: FollowTarget): string | null {
  switch (target.kind) {
    case 'site':
      return paths.site(target.siteId)
    case 'lesson':
      return target.part === 'quiz'
        ? `${paths.lesson(target.lessonId)}?view=quiz`
        : paths.lesson(target.lessonId)
    case 'vr-scene':
      return paths.vrScene(target.sceneId)
    case 'none':
      return null
  }
}

const visible = (el: Element | null) => el !== null && el.closest('[hidden]') === null

export function screenShows(
  target: FollowTarget,
  doc: Document = document,
  loc: Location = location,
): boolean {
  switch (target.kind) {
    case 'site':
      return loc.pathname === paths.site(target.siteId) && visible(doc.querySelector('main h1'))
    case 'lesson':
      if (loc.pathname !== paths.lesson(target.lessonId)) return false
      // The lesson player's quiz part (LessonBody: heading id lesson-part-quiz).
      return target.part === 'quiz'
        ? visible(doc.getElementById('lesson-part-quiz'))
        : visible(doc.querySelector('main h1'))
    case 'vr-scene':
      return (
        loc.pathname === paths.vrScene(target.sceneId) &&
        doc.querySelector('[data-testid="vr-stage"]') !== null
      )
    case 'none':
      return true
  }
}

/** Whether the member is typing: a text field has focus, or a key went in a moment ago. */
export function isEditing(doc: Document = document): boolean {
  const el = doc.activeElement as HTMLElement | null
  if (!el) return false
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true
  if (el.tagName !== 'INPUT') return false
  const type = (el as HTMLInputElement).type
  return ['text', 'search', 'email', 'tel', 'url', 'number', 'password', ''].includes(type)
}
