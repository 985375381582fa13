import { freshMember, logIn } from './account.ts'
import { expect, test } from './fixtures.ts'

test('after one visit, every screen works with the network off, also after a reload', async ({
  app,
  page,
  context,
}) => {
  await app.openRoutes()
  await app.waitForOfflineReady()

  await context.setOffline(true)
  await page.reload()
  await expect(app.heading()).toHaveText('精品路线')

  for (const route of [/延安/, /会宁/, /沂蒙/]) {
    await app.openRoute(route)
    await app.waitForMap()
    await page.goBack()
  }
  await app.openRoute(/延安/)
  await app.openStop(/杨家岭/)
  await expect(page.getByRole('heading', { name: '历史沿革' })).toBeVisible()

  // A cold start on a deep link, offline: the service worker serves the app shell.
  await page.goto('/sites/zaoyuan')
  await expect(app.heading()).toContainText('枣园')
  await context.setOffline(false)
})

test('logged in and offline, a reload asks the server nothing it knows would fail', async ({
  app,
  page,
  context,
  baseURL,
}) => {
  await logIn(page, await freshMember(baseURL ?? ''))
  await app.openRoutes()
  await app.waitForOfflineReady()
  await context.setOffline(true)
  // Each request that cannot go (the session check, the member's classes) would be an error here.
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  await page.reload()
  await expect(app.heading()).toHaveText('精品路线')
  await page.goto('/passport')
  await expect(app.heading()).toHaveText('红色足迹')
  await page.waitForTimeout(500)
  expect(consoleErrors).toEqual([])
  await context.setOffline(false)
})

test('a content pack spoiled in the offline copy (a captive portal’s page) is fetched afresh and the copy repaired', async ({
  app,
  page,
  context,
}) => {
  await app.openRoutes()
  await app.waitForOfflineReady()
  // What a captive portal answering 200 at install time leaves in the precache.
  const spoiled = await page.evaluate(async () => {
    let count = 0
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys())
        if (new URL(request.url).pathname === '/content/pack.json') {
          await cache.put(
            request,
            new Response('<html><body>请先登录 Wi-Fi</body></html>', {
              headers: { 'content-type': 'text/html' },
            }),
          )
          count += 1
        }
    }
    return count
  })
  expect(spoiled).toBe(1)

  // Online, the app starts as usual (it said 内容加载失败, and 重试 did not help)...
  await page.reload()
  await expect(app.heading()).toHaveText('精品路线')
  await expect(page.getByRole('link', { name: /延安/ }).first()).toBeVisible()
  // ...and the offline copy is good again: offline, it starts too.
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('link', { name: /延安/ }).first()).toBeVisible()
  await context.setOffline(false)
})
