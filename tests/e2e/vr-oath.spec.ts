import type { Page } from '@playwright/test'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * The oath in the page, beside its controls: on the 3D board its lines are a few pixels tall on a
 * screen, and neither 大字, zoom nor a screen reader reaches a canvas. And the member's own
 * control keeps the keyboard focus from the first line to the confirmation.
 */

const oathLines = (page: Page) => page.getByTestId('vr-oath-lines').getByRole('listitem')
const fontPx = (page: Page) =>
  oathLines(page)
    .last()
    .evaluate((li) => Number.parseFloat(getComputedStyle(li).fontSize))

test('the lines shown so far are text in the page, read out politely as each appears, larger in 大字', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('oath-hall')
  await expect(oathLines(page)).toHaveCount(0)
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '下一句' }).click()
  await expect(oathLines(page)).toHaveText(['我志愿加入中国共产党，', '拥护党的纲领，', '遵守党的章程，'])
  await expect(page.getByTestId('vr-oath-lines')).toHaveAttribute('aria-live', 'polite')
  const normal = await fontPx(page)
  expect(normal).toBeGreaterThanOrEqual(20)
  await page.getByRole('button', { name: '大字' }).click()
  await expect.poll(() => fontPx(page)).toBeGreaterThan(normal)
  expect(await seriousViolations(page)).toEqual([])
})

test('in English the page says the oath is in Chinese only, and shows it in Chinese', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('oath-hall')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.getByRole('heading', { name: 'The oath' })).toBeVisible()
  await expect(page.getByText('shown in Chinese only')).toBeVisible()
  await page.getByRole('button', { name: 'Next line' }).click()
  await expect(oathLines(page)).toHaveText(['我志愿加入中国共产党，'])
  await expect(page.getByTestId('vr-oath-lines')).toHaveAttribute('lang', 'zh-CN')
  // The board says so too, in the scene.
  await vr.expectObject('oath-chinese-only')
})

test('by keyboard alone, focus stays on the oath control from the first line to the confirmation', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('oath-hall')
  const next = page.getByRole('button', { name: '下一句' })
  // From the top of the page, Tab by Tab, as a keyboard user gets there.
  await page.getByRole('heading', { level: 1 }).click()
  for (let tabs = 0; tabs < 40 && !(await next.evaluate((b) => b === document.activeElement)); tabs++)
    await page.keyboard.press('Tab')
  await expect(next).toBeFocused()
  for (let i = 0; i < 12; i++) await page.keyboard.press('Enter')
  await expect(oathLines(page)).toHaveCount(12)
  const done = page.getByRole('button', { name: '宣誓完毕' })
  await expect(done).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(vr.saveStatus()).toContainText('已保存')
  // The control is gone once saved: focus stays in the oath's section, not at the page's top.
  await expect(page.getByRole('heading', { name: '誓词', exact: true })).toBeFocused()
})

test('on the 3D board, the whole oath, the note in English and the controls all stay within the board', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('oath-hall')
  const overflowing = () =>
    page.evaluate(() => window.__hongtuTest?.xr?.panelTexts('oath-board')?.overflowing)
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: '下一句' }).click()
  await vr.expectObject('button:oath-done')
  expect(await overflowing()).toEqual([])
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await vr.expectObject('oath-chinese-only')
  await page.evaluate(() => window.__hongtuTest?.xr?.waitFrames(2))
  expect(await overflowing()).toEqual([])
  await page.getByRole('button', { name: 'Oath completed' }).click()
  await vr.expectObject('oath-save-status')
  expect(await overflowing()).toEqual([])
})
