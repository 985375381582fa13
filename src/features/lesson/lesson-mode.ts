import type { Lesson } from '../../domain/content/pack.ts'
import type { Presence } from '../../domain/records/presence.ts'

/**
 * How a member may take a lesson right now, as a named state (STYLE.md 8):
 * - onsite: the member is present at the lesson's site (checked in, or the trainer confirmed it:
 *   see presenceAt), so the lesson counts as taken there; `by` says which, for the wording;
 * - remote: not present, the lesson allows remote study and the member chose it;
 * - choose: not present, remote is allowed: offer remote study or a check-in;
 * - checkin-required: not present and the lesson is onsite only.
 *
 * Presence always wins over an earlier remote choice: a member who checks in (or scans the
 * trainer's code) half-way through is on site, and the records say so.
 */
export type LessonMode =
  | { readonly kind: 'onsite'; readonly by: Exclude<Presence['kind'], 'absent'> }
  | { readonly kind: 'remote' }
  | { readonly kind: 'choose' }
  | { readonly kind: 'checkin-required' }

export type StudyMode = 'onsite' | 'remote'

export const allowsRemote = (lesson: Pick<Lesson, 'modes'>) => lesson.modes.includes('remote')

export function resolveMode(
  lesson: Pick<Lesson, 'modes'>,
  facts: { readonly presence: Presence['kind']; readonly choseRemote: boolean },
): LessonMode {
  if (facts.presence !== 'absent') return { kind: 'onsite', by: facts.presence }
  if (!allowsRemote(lesson)) return { kind: 'checkin-required' }
  return facts.choseRemote ? { kind: 'remote' } : { kind: 'choose' }
}
