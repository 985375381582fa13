import { PNG } from 'pngjs'
import { northOf, site } from './content.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

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
    await expect(page.locator('a.map-stop')).toHaveCount(stops)
    // Stop 1 has a marker of its own, or is named by the marker it is folded into.
    await expect(
      page.getByRole('link', { name: /^第 1 站：/ }).or(page.getByRole('button', { name: /第 1 站 / })),
    ).toBeVisible()

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
  await page.getByRole('link', { name: /^第 4 站：/ }).focus()
  await page.keyboard.press('Enter')
  await expect(app.heading()).toContainText('枣园革命旧址')
})

test('stops that would pile up at this zoom share one marker that carries their numbers', async ({
  app,
  page,
}) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  const stops = await page.locator('.stop').count()
  // Let the markers settle after the first fit.
  await page.waitForTimeout(300)
  const shown = await page.locator('.map-stop').evaluateAll((markers) =>
    markers
      .filter((m) => getComputedStyle(m).visibility !== 'hidden')
      .map((m) => {
        const n = m.querySelector('.map-stop-number') as HTMLElement
        const r = n.getBoundingClientRect()
        return { text: n.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height }
      }),
  )
  // No visible number sits on another.
  for (const [i, a] of shown.entries())
    for (const b of shown.slice(i + 1))
      expect(
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
        `${a.text} overlaps ${b.text}`,
      ).toBe(false)
  // And every stop's number is on the map: "1–3" stands for 1, 2 and 3.
  const numbers = shown.flatMap(({ text }) => {
    const [from, to] = text.split('–').map(Number)
    return to === undefined
      ? text.split('·').map(Number)
      : Array.from({ length: to - (from ?? 0) + 1 }, (_, k) => (from ?? 0) + k)
  })
  expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: stops }, (_, k) => k + 1))
  expect(shown.length).toBeLessThan(stops)
})

test.describe('my position on the route map', () => {
  test.use({ permissions: ['geolocation'] })

  test('shows a dot where the member stands, and hides it again', async ({ app, page, context }) => {
    await context.setGeolocation({ ...northOf(site('yanan-geming-jinianguan').location, 0), accuracy: 30 })
    await app.openRoutes()
    await app.openRoute(/延安/)
    await app.waitForMap()
    const toggle = page.getByRole('button', { name: '显示我的位置' })
    await toggle.click()
    const me = page.getByRole('img', { name: '我的位置' })
    await expect(me).toBeVisible()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    // Standing at stop 1, the dot sits on stop 1's number (its marker may carry neighbours' too).
    const dot = await me.boundingBox()
    const number = await page
      .getByRole('button', { name: /第 1 站 延安革命纪念馆/ })
      .locator('.map-stop-number')
      .boundingBox()
    if (!dot || !number) throw new Error('dot or stop 1 not laid out')
    const centre = (b: { x: number; y: number; width: number; height: number }) => [
      b.x + b.width / 2,
      b.y + b.height / 2,
    ]
    const [dx, dy] = centre(dot).map((v, i) => v - (centre(number)[i] ?? 0))
    expect(Math.hypot(dx ?? 0, dy ?? 0), 'dot to stop 1, px').toBeLessThan(12)

    await expect(page.getByTestId('nearest-stop')).toHaveText('你就在第 1 站延安革命纪念馆。')

    await toggle.click()
    await expect(me).toHaveCount(0)
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  })

  test('far from the route: the map widens to show the member, and says how far the nearest stop is', async ({
    app,
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(site('yanan-geming-jinianguan').location, 8000), accuracy: 30 })
    await app.openRoutes()
    await app.openRoute(/延安/)
    await app.waitForMap()
    await page.getByRole('button', { name: '显示我的位置' }).click()
    const me = page.getByRole('img', { name: '我的位置' })
    await expect(me).toBeVisible()
    await expect(page.getByTestId('nearest-stop')).toHaveText(
      /^离你最近的是第 \d+ 站.+，直线约 \d+(\.\d)? 公里。$/,
    )
    // Inside the map's box, not drawn past its edge.
    await expect
      .poll(async () => {
        const [dot, map] = await Promise.all([me.boundingBox(), page.getByTestId('route-map').boundingBox()])
        if (!dot || !map) return false
        return (
          dot.y >= map.y &&
          dot.y + dot.height <= map.y + map.height &&
          dot.x >= map.x &&
          dot.x + dot.width <= map.x + map.width
        )
      })
      .toBe(true)
  })
})

test('without location permission, asking for my position says how to allow it', async ({ app, page }) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  await page.getByRole('button', { name: '显示我的位置' }).click()
  // The map's own alert: without a service worker (this spec's set-up) the route page also
  // alerts that the app is not saved for offline use.
  await expect(page.getByRole('alert').filter({ hasText: '允许定位' })).toContainText(
    '请在浏览器设置中允许定位',
  )
  await expect(page.getByRole('img', { name: '我的位置' })).toHaveCount(0)
})

test.describe('on a narrow phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  for (const [route, lang] of [
    [/延安/, 'zh'],
    [/会宁/, 'zh'],
    [/沂蒙/, 'zh'],
    [/Yan'an|延安/, 'en'],
  ] as const)
    test(`every stop name shown on the ${route.source} map (${lang}) is whole, none cut at the map's edge`, async ({
      app,
      page,
    }) => {
      await app.openRoutes()
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click()
      await app.openRoute(route)
      await app.waitForMap()
      await page.waitForTimeout(300)
      const map = await page.getByTestId('route-map').boundingBox()
      if (!map) throw new Error('no map box')
      const labels = await page.locator('.map-stop-label').evaluateAll((els) =>
        els
          .filter((l) => getComputedStyle(l).visibility !== 'hidden')
          .map((l) => {
            const r = l.getBoundingClientRect()
            return { text: l.textContent ?? '', left: r.left, right: r.right }
          }),
      )
      expect(labels.length, 'some names are shown').toBeGreaterThan(0)
      // The longest name of all (21 characters) is shown, wrapped, rather than cut or dropped.
      if (route.source === '沂蒙')
        expect(labels.map((l) => l.text)).toContain('八路军一一五师司令部旧址（山东省政府旧址）')
      for (const l of labels) {
        expect(l.left, `${l.text}: left edge`).toBeGreaterThanOrEqual(map.x)
        expect(l.right, `${l.text}: right edge`).toBeLessThanOrEqual(map.x + map.width)
      }
      // No name covers a stop's number or the map's buttons.
      const covered = await page.evaluate(() => {
        const shown = (e: Element) => getComputedStyle(e).visibility !== 'hidden'
        const box = (e: Element) => e.getBoundingClientRect()
        const hit = (a: DOMRect, b: DOMRect) =>
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
        const names = [...document.querySelectorAll('.map-stop-label')].filter(shown)
        const things = [
          ...[...document.querySelectorAll('.map-stop')]
            .filter(shown)
            .map((m) => m.querySelector('.map-stop-number')),
          ...document.querySelectorAll('.route-map .maplibregl-ctrl'),
        ].filter((e): e is Element => e !== null)
        return names.flatMap((n) =>
          things
            .filter((t) => hit(box(n), box(t)))
            .map((t) => `${n.textContent} over ${t.textContent || t.className}`),
        )
      })
      expect(covered).toEqual([])
    })
})
