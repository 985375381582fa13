import type { Page } from '@playwright/test'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)
test.use({ viewport: { width: 1280, height: 800 } })

/**
 * On a walkable scene the arrow keys walk, but only while the member is at the stage: the stage
 * (or nothing) has the focus and the stage is in view. Otherwise they are the page's, as on any
 * page: they scroll it, and work the focused control. (They used to walk whatever had focus,
 * wherever the stage was, so the page never scrolled by keyboard.)
 */

/** Where a hotspot is drawn on the stage: changes with the view, not with the page's scroll. */
const onStage = (page: Page, name: string) =>
  page.evaluate((n) => {
    const p = window.__hongtuTest?.xr?.screenPoint(n) ?? null
    const canvas = document.querySelector('[data-testid="vr-canvas"] canvas')?.getBoundingClientRect()
    return p && canvas ? { x: Math.round(p.x - canvas.left), y: Math.round(p.y - canvas.top) } : null
  }, name)
const scrollY = (page: Page) => page.evaluate(() => window.scrollY)
const drawn = (page: Page) => page.evaluate(() => window.__hongtuTest?.xr?.waitFrames(2))

test('with a button focused, the arrows scroll the page and the view stays', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  const view = await onStage(page, 'hotspot:huishi-ta')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const button = page.getByRole('button', { name: '会师门与会师楼' })
  await button.focus()
  const from = await scrollY(page)
  expect(from).toBeGreaterThan(100)
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp')
  await expect.poll(() => scrollY(page)).toBeLessThan(from)
  await expect(button).toBeFocused()
  await drawn(page)
  expect(await onStage(page, 'hotspot:huishi-ta')).toEqual(view)
})

test('with the stage scrolled out of view, the arrows scroll the page back', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  const view = await onStage(page, 'hotspot:huishi-ta')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect.poll(async () => (await page.getByTestId('vr-stage').boundingBox())?.y ?? 0).toBeLessThan(-200)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const from = await scrollY(page)
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp')
  await expect.poll(() => scrollY(page)).toBeLessThan(from)
  await drawn(page)
  expect(await onStage(page, 'hotspot:huishi-ta')).toEqual(view)
})

test('on the stage, clicked or reached by Tab, the arrows walk and the page stays', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  const stage = page.getByRole('region', { name: '三维场景：会宁会师' })
  await stage.scrollIntoViewIfNeeded()
  const box = await stage.boundingBox()
  if (!box) throw new Error('no stage')
  // The sky at the stage's top left: nothing there to select.
  await page.mouse.click(box.x + 30, box.y + 30)
  await expect(stage).toBeFocused()
  const from = await scrollY(page)
  const view = await onStage(page, 'hotspot:huishi-ta')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => onStage(page, 'hotspot:huishi-ta')).not.toEqual(view)
  expect(await scrollY(page)).toBe(from)

  await page.getByRole('link', { name: '返回 VR 课堂' }).focus()
  await page.keyboard.press('Tab')
  await expect(stage).toBeFocused()
  const walked = await onStage(page, 'hotspot:huishi-ta')
  const tabbedFrom = await scrollY(page)
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => onStage(page, 'hotspot:huishi-ta')).not.toEqual(walked)
  expect(await scrollY(page)).toBe(tabbedFrom)
})
