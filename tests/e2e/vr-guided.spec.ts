import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/** The trainer's guided-mode commands, dispatched as the live channel will, through the test API. */

test('pause stops interaction and says so; resume gives it back', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  await vr.dispatch({ type: 'pause' })
  await expect(page.getByText('老师已暂停课程')).toBeVisible()
  await page.getByRole('button', { name: '会师门与会师楼' }).click()
  await expect(vr.narration()).toBeEmpty()
  await vr.dispatch({ type: 'resume' })
  await page.getByRole('button', { name: '会师门与会师楼' }).click()
  await expect(vr.narration()).toContainText('西津门')
})

test('look-at-hotspot highlights it without moving the camera', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  const before = await vr.screenPoint('hotspot:huishi-ta')
  await vr.dispatch({ type: 'look-at-hotspot', hotspotId: 'jiangtaibao' })
  await expect(page.getByText('老师请大家看：三大主力会师')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await vr.screenPoint('hotspot:huishi-ta')).toEqual(before)
})

test('go-to-scene opens the named scene', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  await vr.dispatch({ type: 'go-to-scene', sceneId: 'oath-hall' })
  await expect(page).toHaveURL(/\/vr\/oath-hall/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('重温入党誓词')
})

test('the oath: start-oath shows the first line, each next-oath-line one more, then the member confirms', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('oath-hall')
  await vr.dispatch({ type: 'start-oath' })
  await expect.poll(() => vr.exists('oath-lines')).toBe(true)
  // While the trainer leads, the member's own "next line" is gone.
  await expect(page.getByRole('button', { name: '下一句' })).toHaveCount(0)
  for (let i = 1; i < 12; i++) await vr.dispatch({ type: 'next-oath-line' })
  await page.getByRole('button', { name: '宣誓完毕' }).click()
  await expect(vr.saveStatus()).toContainText('已保存')
  expect((await vr.records()).map((r) => r.payload.lessonId)).toEqual(['oath-renewal'])
  // The renewal counts in the member's passport like a lesson.
  await page.goto('/passport')
  await expect(page.getByRole('listitem').filter({ hasText: '重温入党誓词' })).toContainText(
    '已完成 · 党建VR中心',
  )
})

test('end lets the member carry on alone and points to the records', async ({ page }) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  await vr.dispatch({ type: 'end' })
  await expect(page.getByText('老师已结束本次带教，你可以继续自由学习。')).toBeVisible()
  await expect(page.getByRole('link', { name: '查看我的学习记录' })).toBeVisible()
  await page.getByRole('button', { name: '会师门与会师楼' }).click()
  await expect(vr.narration()).toContainText('西津门')
})
