import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

test('a member goes from the routes list to a route and on to a site', async ({ app, page }) => {
  await app.openRoutes()
  await expect(app.heading()).toHaveText('精品路线')
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }),
  ).toHaveCount(3)

  await app.openRoute(/延安/)
  await expect(page.getByText(/建议 2 天/).first()).toBeVisible()
  await expect(page.getByRole('heading', { name: '站点顺序' })).toBeVisible()
  await expect(page.getByText(/距上一站直线/).first()).toBeVisible()
  // No media and no tile provider in this build: nothing more to download, and it says so.
  await expect(page.getByRole('heading', { name: '离线下载' })).toBeVisible()
  await expect(page.getByText(/不需要另外下载/)).toBeVisible()

  await app.openStop(/枣园/)
  await expect(page.getByRole('heading', { name: '历史沿革' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '现场教学' })).toBeVisible()
  await expect(page.getByText(/测验 \d+ 题/).first()).toBeVisible()

  await page.goBack()
  await expect(app.heading()).toContainText('延安')
})

test('a deep link opens a site directly, and an unknown path says so', async ({ app, page }) => {
  await page.goto('/sites/yangjialing')
  await expect(app.heading()).toContainText('杨家岭')
  await page.goto('/sites/no-such-site')
  await expect(page.getByRole('alert')).toContainText('没有找到这个页面')
  await expect(page).toHaveTitle('没有找到这个页面 · 红途')
  await expect(app.heading()).toBeFocused()
  await page.getByRole('link', { name: '返回路线列表' }).click()
  await expect(app.heading()).toHaveText('精品路线')
})

test('the language switch changes the interface and is remembered', async ({ app, page }) => {
  await app.openRoutes()
  await app.switchLanguage()
  await expect(app.heading()).toHaveText('Study routes')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(app.heading()).toHaveText('Study routes')
  await app.switchLanguage()
  await expect(app.heading()).toHaveText('精品路线')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('large text and high contrast are switches that are remembered', async ({ app, page }) => {
  await app.openRoutes()
  const large = page.getByRole('button', { name: '大字' })
  const before = await app.heading().evaluate((h) => h.getBoundingClientRect().height)
  await large.click()
  await expect(large).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveClass(/large-text/)
  expect(await app.heading().evaluate((h) => h.getBoundingClientRect().height)).toBeGreaterThan(before)
  await page.getByRole('button', { name: '高对比' }).click()
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/large-text/)
  await expect(page.locator('html')).toHaveClass(/high-contrast/)
})

test('large text in English on a small phone: nothing runs off the side, and the header leaves most of the screen', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await app.openRoutes()
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: 'Large text' }).click()
  await expect(page.locator('html')).toHaveClass(/large-text/)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  const header = await page.locator('.app-header').boundingBox()
  expect(header?.height ?? 999).toBeLessThan(740 * 0.4)
  // Each setting reads on one line.
  for (const name of ['中文', 'Large text', 'High contrast']) {
    const box = await page.getByRole('button', { name }).boundingBox()
    expect(box?.height ?? 999, name).toBeLessThan(50)
  }
})

test('a tap on a link the moment the page has drawn it still changes the screen', async ({ page }) => {
  // Clicks 红色足迹 as soon as the first screen is in the page, before that screen's effects
  // have run: the address changed then, but the screen stayed, as the router was not listening.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const link = document.querySelector<HTMLAnchorElement>('a[href="/passport"]')
      if (!link || !document.querySelector('main h1')) return
      observer.disconnect()
      link.click()
    })
    observer.observe(document, { childList: true, subtree: true })
  })
  await page.goto('/')
  await expect(page).toHaveURL(/\/passport$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('红色足迹')
})
