import type { QuizResult } from '../domain/lesson/quiz-scoring.ts'

/**
 * The pages of the VR answer review (QuizReview.tsx), one question each: the questions the
 * attempt got wrong, or all of them when none was wrong (the explanations are worth reading
 * either way). Indexes into the quiz's questions, in quiz order.
 */
export function reviewPages(result: Pick<QuizResult, 'questions'>): number[] {
  const wrong = result.questions.flatMap((q, i) => (q.correct ? [] : [i]))
  return wrong.length > 0 ? wrong : result.questions.map((_, i) => i)
}

/** Another page; a step past either end stays where it is. */
export function turnPage(page: number, step: number, pages: number): number {
  const next = page + step
  return next < 0 || next >= pages ? page : next
}
