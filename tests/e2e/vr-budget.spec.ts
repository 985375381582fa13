import { measureScreenJs, SCREENS } from '../../bench/measure-js.ts'
import { VR_BUDGET, VR_SCREEN_JS_BUDGET_BYTES, vrScreen } from '../../bench/vr-budgets.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { SCENE_IDS, VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Every scene within a standalone headset's budget (DESIGN.md): draw calls, triangles and
 * texture sizes as renderer.info and the scene graph report them, idle and with the narration
 * and quiz panels open (the heaviest moment).
 */
for (const id of SCENE_IDS)
  test(`${id} stays within the headset budget`, async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open(id)
    const hotspot = await page.locator('[data-hotspot]').first().getAttribute('data-hotspot')
    await page.locator('[data-hotspot]').first().click()
    await vr.expectObject(`panel:${hotspot}`)
    if (id !== 'oath-hall') {
      await page.getByRole('button', { name: '开始测验（在场景中作答）' }).click()
      await vr.expectObject('panel:quiz')
    }
    await page.waitForTimeout(500)
    const stats = await vr.stats()
    expect(stats.calls).toBeGreaterThan(0)
    expect(stats.calls).toBeLessThanOrEqual(VR_BUDGET.drawCalls)
    expect(stats.triangles).toBeLessThanOrEqual(VR_BUDGET.triangles)
    for (const t of stats.textures) {
      const panorama = id === 'panorama-sample' && t.width > VR_BUDGET.texturePx
      if (panorama) expect(t.width, 'panorama width').toBeLessThanOrEqual(VR_BUDGET.panoramaWidthPx)
      else expect(Math.max(t.width, t.height), `${t.name} size`).toBeLessThanOrEqual(VR_BUDGET.texturePx)
    }
  })

test('the first screen carries none of the 3D code; the VR screen does', async ({ browser, baseURL }) => {
  const dist = process.env.HONGTU_DIST_DIR
  const first = await measureScreenJs(browser, baseURL ?? '', SCREENS[0], dist)
  // Strings from three.js' renderer and from the XR runtime: if here, 3D code leaked onto the first screen.
  for (const body of first.scriptBodies) {
    expect(body.includes('WebGLRenderer')).toBe(false)
    expect(body.includes('immersive-vr')).toBe(false)
  }
  const vr = await measureScreenJs(browser, baseURL ?? '', vrScreen('huining-huishi'), dist)
  expect(vr.scriptBodies.some((b) => b.includes('WebGLRenderer'))).toBe(true)
  expect(vr.gzipBytes).toBeGreaterThan(first.gzipBytes)
})

test('each scene’s VR screen loads at most 400 KB of gzip JS', async ({ browser, baseURL }) => {
  const dist = process.env.HONGTU_DIST_DIR
  // Each screen loads its own scene's data only (scenes/scene-loaders.ts): with every scene's,
  // and with the test bridge in production builds, they were 404–405 KB.
  for (const id of SCENE_IDS) {
    const vr = await measureScreenJs(browser, baseURL ?? '', vrScreen(id), dist)
    expect(vr.gzipBytes, `${id}: ${(vr.gzipBytes / 1000).toFixed(1)} KB`).toBeLessThanOrEqual(
      VR_SCREEN_JS_BUDGET_BYTES,
    )
  }
})
