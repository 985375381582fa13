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
