import type { BrowserContext } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * A first visit on a poor connection: the service worker downloads the app (about 5 MB) for
 * offline use, which can take minutes or stop half-way. Until it is done the app does not open
 * offline, and the route screen, where a member prepares for the trip, must say so rather than
 * promise "works offline". One precache file (the sample panorama) is held back or refused to
 * make the download slow or make it fail.
 */
const HELD_FILE = '/xr/panoramas/panorama-sample.jpg'
const isHeldFile = (url: URL) => url.pathname === HELD_FILE

async function holdBack(context: BrowserContext): Promise<() => void> {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await context.route(isHeldFile, async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('while the first download runs, the route says the app is still being saved; then saved, and it opens offline', async ({
  app,
  page,
  context,
}) => {
  const release = await holdBack(context)
  await app.openRoutes()
  await app.openRoute(/延安/)
  const status = page.getByTestId('app-offline')
  await expect(status).toContainText('应用正在保存到手机上，请保持联网')
  await expect(page.getByText(/断网也能打开/)).toHaveCount(0)

  release()
  await expect(status).toContainText('应用已保存在手机上，断网也能打开')
  await context.setOffline(true)
  await page.reload()
  await expect(app.heading()).toContainText('延安')
  await expect(page.getByTestId('app-offline')).toContainText('应用已保存在手机上')
  await context.setOffline(false)
})

test('when the first download stops, the route says the app will not open offline, and 重试 saves it', async ({
  app,
  page,
  context,
}) => {
  await context.route(isHeldFile, (route) => route.abort('internetdisconnected'))
  await app.openRoutes()
  await app.openRoute(/延安/)
  const status = page.getByTestId('app-offline')
  await expect(status).toContainText('应用没有保存完')
  await expect(status).toContainText('现在断网打不开')

  await context.unroute(isHeldFile)
  await status.getByRole('button', { name: '重试' }).click()
  await expect(status).toContainText('应用已保存在手机上，断网也能打开')
  await context.setOffline(true)
  await page.reload()
  await expect(app.heading()).toContainText('延安')
  await context.setOffline(false)
})

test.describe('in English', () => {
  test('the same states are said in English', async ({ app, page, context }) => {
    const release = await holdBack(context)
    await app.openRoutes()
    await app.switchLanguage()
    await app.openRoute(/Yan.an/)
    const status = page.getByTestId('app-offline')
    await expect(status).toContainText('The app is being saved on this phone')
    release()
    await expect(status).toContainText('The app is saved on this phone and opens without a network')
  })
})
