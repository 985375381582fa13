/**
 * A stage's loads that failed stay failed for that stage, so that the error reaches the stage's
 * error boundary (VrScreen.tsx) instead of a new load starting on every render. A new stage (the
 * screen opened again, or its "Try again") tries them afresh: loaders register what to forget
 * here. Kept apart from the loaders so that a stage without a panorama does not load their code.
 */
const forgetters = new Set<() => void>()

export function forgetOnNewStage(forget: () => void): void {
  forgetters.add(forget)
}

export function newStageAttempt(): void {
  for (const forget of forgetters) forget()
}
