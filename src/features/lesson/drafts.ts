import type { Quiz } from '../../domain/content/schema.ts'
import { type Answer, type Answers, isAnswered } from '../../domain/lesson/quiz-scoring.ts'
import type { StudyMode } from './lesson-mode.ts'

/**
 * The drafts of a lesson: an unfinished quiz and a half-written reflection, autosaved in the
 * record log's draft store under `quiz:<lessonId>` and `reflection:<lessonId>`.
 *
 * A draft is read back after a kill, possibly by a newer app with updated content, so it is
 * parsed defensively: answers to questions or choices that no longer exist are dropped rather
 * than restored as invisible answers that would still be scored.
 */

export const quizDraftKey = (lessonId: string) => `quiz:${lessonId}`
export const reflectionDraftKey = (lessonId: string) => `reflection:${lessonId}`

/** The longest reflection a record accepts (ReflectionPayloadV1), in UTF-16 code units like `maxLength`. */
export const REFLECTION_MAX_LENGTH = 5000

export interface QuizDraft {
  readonly v: 1
  /** The mode the member was studying in, so a restored remote session need not ask again. */
  readonly mode: StudyMode
  readonly answers: Answers
}

export interface ReflectionDraft {
  readonly v: 1
  readonly mode: StudyMode
  readonly text: string
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isMode = (v: unknown): v is StudyMode => v === 'onsite' || v === 'remote'

/** Keeps only answers that fit the quiz as it is now. */
export function sanitizeAnswers(quiz: Quiz, raw: unknown): Answers {
  if (!isRecord(raw)) return {}
  const out: Record<string, Answer> = {}
  for (const q of quiz.questions) {
    const a = raw[q.id]
    if (q.kind === 'truefalse') {
      if (typeof a === 'boolean') out[q.id] = a
      continue
    }
    if (!Array.isArray(a)) continue
    const known = new Set<string>(q.choices.map((c) => c.id))
    const picked = [...new Set(a.filter((id): id is string => typeof id === 'string' && known.has(id)))]
    const fitting = q.kind === 'single' ? picked.slice(0, 1) : picked
    if (fitting.length > 0) out[q.id] = fitting
  }
  return out
}

export function parseQuizDraft(quiz: Quiz, raw: unknown): QuizDraft | null {
  if (!isRecord(raw) || raw.v !== 1 || !isMode(raw.mode)) return null
  const answers = sanitizeAnswers(quiz, raw.answers)
  return answeredCount(quiz, answers) > 0 ? { v: 1, mode: raw.mode, answers } : null
}

export function parseReflectionDraft(raw: unknown): ReflectionDraft | null {
  if (!isRecord(raw) || raw.v !== 1 || !isMode(raw.mode) || typeof raw.text !== 'string') return null
  const text = raw.text.slice(0, REFLECTION_MAX_LENGTH)
  return text.trim() ? { v: 1, mode: raw.mode, text } : null
}

export function answeredCount(quiz: Quiz, answers: Answers): number {
  return quiz.questions.filter((q) => isAnswered(answers[q.id])).length
}
