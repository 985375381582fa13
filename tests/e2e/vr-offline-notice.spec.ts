import { expect, test } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

/**
 * On the first visit the app says it is ready offline ("已可离线使用。知道了"). That notice sticks
 * to the window's foot, which on a phone is the foot of the VR stage, where the 3D quiz draws its
 * 上一题 / 下一题 row: on a scene's screen it must not cover the stage. Needs the service worker:
 * its installing is what brings the notice.
 */
test.use({ serviceWorkers: 'allow', isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } })

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('on a phone the “ready offline” notice never covers the stage', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('panorama-sample')
  const notice = page.getByRole('status').filter({ hasText: '已可离线使用' })
  await expect(notice).toBeAttached({ timeout: 30_000 })
  const stage = page.getByTestId('vr-stage')
  for (const scrolled of ['at the top', 'with the stage’s foot at the window’s foot']) {
    if (scrolled !== 'at the top') await stage.evaluate((s) => s.scrollIntoView({ block: 'end' }))
    const n = await notice.boundingBox()
    const s = await stage.boundingBox()
    if (!n || !s) throw new Error('no notice or no stage')
    expect(overlaps(n, s), `the notice covers the stage ${scrolled}`).toBe(false)
  }
  // It is still there to read, after the scene's text.
  await notice.scrollIntoViewIfNeeded()
  await expect(notice).toBeInViewport()
})
