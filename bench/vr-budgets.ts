/**
 * The VR classroom's budgets (DESIGN.md "Budgets", notes/performance.md): per scene on a
 * standalone headset, and the JS of the VR screen. Shared by the e2e budget test and the bench.
 */
export const VR_BUDGET = {
  drawCalls: 100,
  triangles: 300_000,
  /** Largest side of an ordinary texture, px. */
  texturePx: 2048,
  /** Largest width of a panorama, px (Pico's browser caps textures at 4096²). */
  panoramaWidthPx: 4096,
} as const

/** performance.md goal: the VR screen ≤ 400 KB gzip JS (the map is not on it). */
export const VR_SCREEN_JS_BUDGET_BYTES = 400 * 1000

export const vrScreen = (sceneId: string) =>
  ({ name: `VR scene ${sceneId}`, path: `/vr/${sceneId}`, ready: '[data-ready="true"]' }) as const
