import { expect, test } from './fixtures.ts'
import { SCENE_IDS, VrDriver } from './vr-driver.ts'

test('after one visit, every scene loads with the network off and its Chinese 3D text renders', async ({
  app,
  page,
  context,
}) => {
  test.setTimeout(120_000)
  await page.goto('/vr')
  await app.waitForOfflineReady()
  await context.setOffline(true)
  const vr = new VrDriver(page)
  for (const id of SCENE_IDS) {
    await vr.open(id)
    // Every 3D text block typeset from the shipped subset font (one missing glyph leaves it blank).
    await expect
      .poll(async () => {
        const { texts } = await vr.stats()
        return texts.total > 0 && texts.rendered === texts.total
      })
      .toBe(true)
  }
  await context.setOffline(false)
})
