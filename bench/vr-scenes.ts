import type { Browser } from '@playwright/test'
import type { FrameStats } from '../src/xr/test-api.ts'
import { SCENE_IDS } from '../tests/e2e/vr-driver-ids.ts'
import { measureScreenJs } from './measure-js.ts'
import { VR_BUDGET, VR_SCREEN_JS_BUDGET_BYTES, vrScreen } from './vr-budgets.ts'

/**
 * Per VR scene: draw calls, triangles and texture bytes of a rendered frame (through the test
 * API, so the build must have VITE_TEST_API=1), and the gzip JS its screen loads on a cold visit.
 */
export interface SceneFigures {
  readonly scene: string
  readonly drawCalls: number
  readonly triangles: number
  readonly textures: FrameStats['textures']
  readonly textureBytes: number
  readonly jsGzipBytes: number
  readonly budget: typeof VR_BUDGET & { jsGzipBytes: number }
}

export async function measureScenes(
  browser: Browser,
  baseURL: string,
  distDir = 'dist',
): Promise<SceneFigures[]> {
  const out: SceneFigures[] = []
  for (const id of SCENE_IDS) {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      baseURL,
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await page.goto(`/vr/${id}?test-api=1`)
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 })
    // The stage draws on demand without a headset: ask for the frames to settle on.
    await page.waitForFunction(() => window.__hongtuTest?.xr !== undefined)
    await page.evaluate(() => window.__hongtuTest?.xr?.waitFrames(10))
    const stats = await page.evaluate(() => window.__hongtuTest?.xr?.stats())
    await context.close()
    if (!stats) throw new Error('no test API: build with VITE_TEST_API=1')
    const js = await measureScreenJs(browser, baseURL, vrScreen(id), distDir)
    out.push({
      scene: id,
      drawCalls: stats.calls,
      triangles: stats.triangles,
      textures: stats.textures,
      textureBytes: stats.textures.reduce((n, t) => n + t.bytes, 0),
      jsGzipBytes: js.gzipBytes,
      budget: { ...VR_BUDGET, jsGzipBytes: VR_SCREEN_JS_BUDGET_BYTES },
    })
  }
  return out
}
