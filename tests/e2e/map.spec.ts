import { PNG } from 'pngjs'
import { expect, test } from './fixtures.ts'

/** Counts pixels close to the route red (#b0121b) in a PNG screenshot. */
function countRoutePixels(png: Buffer): { red: number; distinct: number } {
  const img = PNG.sync.read(png)
  let red = 0
  const colours = new Set<number>()
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b] = [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0]
    colours.add((r << 16) | (g << 8) | b)
    if (Math.abs(r - 0xb0) < 30 && g < 60 && b < 70) red++
  }
  return { red, distinct: colours.size }
}

for (const route of [/延安/, /会宁/, /沂蒙/]) {
  test(`the ${route.source} route map draws land, the route line and numbered stops`, async ({
    app,
    page,
  }) => {
    await app.openRoutes()
    await app.openRoute(route)
    await app.waitForMap()
    const stops = await page.locator('.stop').count()
    expect(stops).toBeGreaterThanOrEqual(2)
    await expect(page.locator('.map-stop')).toHaveCount(stops)
    await expect(page.getByRole('link', { name: /^第 1 站：/ })).toBeVisible()

    const canvas = page.locator('.route-map canvas')
    await expect(canvas).toBeVisible()
    // Hide the DOM markers so only the WebGL drawing is measured.
    await page.evaluate(() => {
      for (const m of document.querySelectorAll<HTMLElement>('.maplibregl-marker'))
        m.style.visibility = 'hidden'
    })
    const { red, distinct } = countRoutePixels(await canvas.screenshot())
    expect(distinct, 'the canvas is not blank').toBeGreaterThan(3)
    expect(red, 'route line and geofence pixels').toBeGreaterThan(50)
  })
}

test('a stop marker on the map opens its site', async ({ app, page }) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  // Markers of neighbouring stops can overlap; a member can also reach them by keyboard.
  await page.getByRole('link', { name: /^第 1 站：/ }).focus()
  await page.keyboard.press('Enter')
  await expect(app.heading()).toContainText('延安革命纪念馆')
})
