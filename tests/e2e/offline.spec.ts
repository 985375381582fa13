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
