import type { Lesson } from '../../domain/content/pack.ts'

/**
 * How a member may take a lesson right now, as a named state (STYLE.md 8):
 * - onsite: the member has a stamp for the lesson's site, so the lesson counts as taken there;
 * - remote: no stamp, the lesson allows remote study and the member chose it;
 * - choose: no stamp, remote is allowed: offer remote study or a check-in;
 * - checkin-required: no stamp and the lesson is onsite only.
 *
 * A stamp always wins over an earlier remote choice: a member who checks in half-way through
 * is on site, and the records say so.
 */
export type LessonMode =
  | { readonly kind: 'onsite' }
  | { readonly kind: 'remote' }
  | { readonly kind: 'choose' }
  | { readonly kind: 'checkin-required' }

export type StudyMode = 'onsite' | 'remote'

export const allowsRemote = (lesson: Pick<Lesson, 'modes'>) => lesson.modes.includes('remote')

export function resolveMode(
  lesson: Pick<Lesson, 'modes'>,
  facts: { readonly hasStamp: boolean; readonly choseRemote: boolean },
): LessonMode {
  if (facts.hasStamp) return { kind: 'onsite' }
  if (!allowsRemote(lesson)) return { kind: 'checkin-required' }
  return facts.choseRemote ? { kind: 'remote' } : { kind: 'choose' }
}
