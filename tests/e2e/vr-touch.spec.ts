import type { Page } from '@playwright/test'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Without a headset the hint under the stage says how to move about, and it must name only what
 * this device can do: a phone has no arrow keys, WASD or Q/E, so on a touch screen (primary
 * pointer coarse) it speaks of dragging and tapping, and on a computer of the mouse and keys.
 * Older members tap with a finger, so the screen's text link is a 44 px target too.
 */
const hint = (page: Page) => page.locator('.vr-toolbar .hint')

test.describe('on a touch phone', () => {
  test.use({ isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } })

  test('the hint speaks of dragging and tapping, not of keys', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    await expect(hint(page)).toContainText('拖动画面环视')
    await expect(hint(page)).toContainText('点按发光的标记')
    await expect(hint(page)).toContainText('“陀螺仪环视”')
    await expect(hint(page)).not.toContainText('WASD')
    await expect(hint(page)).not.toContainText('方向键')
  })

  test('once a walk key is pressed (a tablet with a keyboard), the hint names the keys', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    await expect(hint(page)).not.toContainText('WASD')
    await page.keyboard.press('w')
    await expect(hint(page)).toContainText('方向键或 WASD 行走，Q/E 转向')
  })

  test('in English too', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect(hint(page)).toContainText('drag sideways to look around')
    await expect(hint(page)).toContainText('tap a glowing marker')
    await expect(hint(page)).not.toContainText('WASD')
    await expect(hint(page)).not.toContainText('arrow keys')
  })

  test('a far hotspot is a finger-sized target: a tap just beside its marker opens it', async ({ page }) => {
    // 会师纪念塔 is 12.5 m from the spawn: modelled, its marker was 6 px across on this phone
    // and its hit sphere 25 px, so a fingertip 18 px off the centre met nothing.
    const vr = new VrDriver(page)
    await vr.open('huining-huishi')
    const { x, y } = await vr.screenPoint('hotspot:huishi-ta')
    await page.touchscreen.tap(x + 18, y)
    await vr.expectObject('panel:huishi-ta')
    await expect(vr.narration()).toBeVisible()
  })

  test('the link to the text quiz is a finger-sized target', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    const link = page.getByRole('link', { name: '在课程页作答（文字版）' })
    await expect(link).toBeVisible()
    const box = await link.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
  })
})

test.describe('on a desktop', () => {
  test.use({ isMobile: false, hasTouch: false, viewport: { width: 1280, height: 800 } })

  test('the hint names the keys to walk and turn', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    await expect(hint(page)).toContainText('方向键或 WASD 行走，Q/E 转向')
  })

  test('in a panorama, seen from one point, the hint names only the keys that turn', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('panorama-sample')
    await expect(hint(page)).toContainText('左右方向键或 Q/E 转向')
    await expect(hint(page)).not.toContainText('行走')
  })

  test('the hint follows the pointer when it changes to touch', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('yanan-yaodong')
    await expect(hint(page)).toContainText('WASD')
    // What DevTools' device mode does: the primary pointer becomes coarse while the page is open.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 })
    await expect(hint(page)).toContainText('点按发光的标记')
    await expect(hint(page)).not.toContainText('WASD')
  })
})
