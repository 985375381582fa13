/**
 * Which part of a lesson is on screen. It is kept in the address (`?view=step-2`, `quiz`,
 * `reflection`) with replaceState, so that a reload, or Android restoring a tab it killed in
 * the background, opens the member where they were, without storing anything.
 */
export type LessonView =
  | { readonly kind: 'step'; readonly index: number }
  | { readonly kind: 'quiz' }
  | { readonly kind: 'reflection' }

/** Reads the view from a query string; null when absent or naming a step the lesson lacks. */
export function viewFromSearch(search: string, stepCount: number): LessonView | null {
  const value = new URLSearchParams(search).get('view')
  if (value === 'quiz' || value === 'reflection') return { kind: value }
  const step = /^step-(\d{1,3})$/.exec(value ?? '')
  const index = step ? Number(step[1]) - 1 : -1
  return index >= 0 && index < stepCount ? { kind: 'step', index } : null
}

export function searchOfView(view: LessonView): string {
  return `?view=${view.kind === 'step' ? `step-${view.index + 1}` : view.kind}`
}

/** Where a lesson opens without a view in the address: the unfinished draft, else the first step. */
export function initialView(drafts: { readonly quiz: boolean; readonly reflection: boolean }): LessonView {
  if (drafts.quiz) return { kind: 'quiz' }
  if (drafts.reflection) return { kind: 'reflection' }
  return { kind: 'step', index: 0 }
}
