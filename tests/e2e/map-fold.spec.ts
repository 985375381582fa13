import type { Page } from '@playwright/test'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Stops close together share one marker at the route's first zoom (Yan'an: stops 1, 2, 3 and 7
 * around the city; stops 1 and 2, and Yimeng's 1 and 2, on one point). That marker must say what
 * it holds and let a member reach every stop in it, by tap or keyboard.
 */

/** The marker standing for several stops, found by a stop it names ("第 2 站 王家坪"). */
const foldHolding = (page: Page, stop: RegExp) => page.getByRole('button', { name: stop })

test('the folded marker on the Yan’an map names the stops it holds, not only the first', async ({
  app,
  page,
}) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  const fold = foldHolding(page, /第 2 站 王家坪革命旧址/)
  await expect(fold).toBeVisible()
  await expect(fold).toHaveAccessibleName(/^延安革命纪念馆 等 4 站/)
  for (const stop of ['第 1 站 延安革命纪念馆', '第 3 站 杨家岭革命旧址', '第 7 站 宝塔山'])
    await expect(fold).toHaveAccessibleName(new RegExp(stop))
  await expect(fold.locator('.map-stop-label')).toHaveText('延安革命纪念馆 等 4 站')
})

test('tapping the folded marker zooms in until its stops stand apart, and a stop then opens', async ({
  app,
  page,
}) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  const baota = page.getByRole('link', { name: '第 7 站：宝塔山' })
  await expect(baota).toBeHidden()
  await foldHolding(page, /第 7 站 宝塔山/).click()
  await expect(baota).toBeVisible()
  await expect(page.getByRole('link', { name: '第 3 站：杨家岭革命旧址' })).toBeVisible()
  await baota.click()
  await expect(app.heading()).toContainText('宝塔山')
})

test('by keyboard: the fold zooms in, keeps the focus, then lists the two stops on one point', async ({
  app,
  page,
}) => {
  await app.openRoutes()
  await app.openRoute(/延安/)
  await app.waitForMap()
  await foldHolding(page, /第 7 站 宝塔山/).focus()
  await page.keyboard.press('Enter')
  // Zoomed in, stops 1 and 2 still share a point: their marker now has the focus, and lists them.
  const pair = page.getByRole('button', { name: /^延安革命纪念馆 等 2 站/ })
  await expect(pair).toBeFocused()
  await expect(pair).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(pair).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '第 1 站：延安革命纪念馆' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(pair).toBeFocused()
  await expect(pair).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '第 2 站：王家坪革命旧址' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(app.heading()).toContainText('王家坪革命旧址')
})

test('on the Yimeng map the two stops on one point list at once when tapped', async ({ app, page }) => {
  await app.openRoutes()
  await app.openRoute(/沂蒙/)
  await app.waitForMap()
  const pair = page.getByRole('button', { name: /^华东革命烈士陵园 等 2 站/ })
  await expect(pair.locator('.map-stop-number')).toHaveText('1–2')
  await pair.click()
  // The open list is part of the page axe checks like any other.
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole('link', { name: '第 2 站：沂蒙革命纪念馆' }).click()
  await expect(app.heading()).toContainText('沂蒙革命纪念馆')
})

test.describe('in English on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('every Yan’an stop is on the map as a named link or named in its fold, label shown or not', async ({
    app,
    page,
  }) => {
    await app.openRoutes()
    await page.getByRole('button', { name: 'English' }).click()
    await app.openRoute(/Yan'an/)
    await app.waitForMap()
    const names = await page.locator('.stop .stop-name').allTextContents()
    expect(names.length).toBe(7)
    for (const [k, name] of names.entries()) {
      const own = page.getByRole('link', { name: `Stop ${k + 1}: ${name}` })
      const inFold = page.getByRole('button', { name: `stop ${k + 1}, ${name}` })
      await expect(own.or(inFold), name).toBeVisible()
    }
    await expect(
      page.getByRole('button', { name: /^Yan'an Revolutionary Memorial Hall and 3 more:/ }),
    ).toBeVisible()
  })
})
