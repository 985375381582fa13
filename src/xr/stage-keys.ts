/**
 * Whose a walk or turn key is (ScreenControls.tsx): the view's only while the member is at the
 * stage, i.e. the stage has the keyboard focus (clicked, tapped or tabbed to) or nothing has it
 * (the page just opened, or a click on plain text), and the stage is in view. Any other time the
 * key is the page's: arrows scroll it and work the focused control, as on any page.
 */
export type KeyFocus = 'stage' | 'nothing' | 'elsewhere'

/** The part of the stage's height inside the window, CSS pixels. */
export function visibleHeightPx(stageTopPx: number, stageBottomPx: number, windowHeightPx: number): number {
  return Math.max(0, Math.min(stageBottomPx, windowHeightPx) - Math.max(stageTopPx, 0))
}

/**
 * True when the key moves the view. "In view": at least half the stage shows, or, for a stage
 * taller than the window, at least half the window is stage.
 */
export function keysMoveView(
  focus: KeyFocus,
  stage: { readonly topPx: number; readonly bottomPx: number },
  windowHeightPx: number,
): boolean {
  if (focus === 'elsewhere') return false
  const visible = visibleHeightPx(stage.topPx, stage.bottomPx, windowHeightPx)
  return visible > 0 && visible >= 0.5 * Math.min(stage.bottomPx - stage.topPx, windowHeightPx)
}
