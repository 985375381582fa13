import { northOf, site } from './content.ts'
import { expect, test } from './fixtures.ts'
import { readStore } from './idb.ts'
import { LessonDriver } from './lesson-driver.ts'

/**
 * One stop of a study trip with no signal from start to end, as issue "Field trip" asks: the
 * member checks in, follows the on-site lesson, passes its quiz and writes a reflection; after
 * an offline reload everything is still there, each record with its outbox entry.
 */
test('a whole stop of the trip with the network off, then an offline reload', async ({
  app,
  page,
  context,
}) => {
  const zaoyuan = site('zaoyuan')
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation({ ...northOf(zaoyuan.location, 20), accuracy: 12 })
  await app.openRoutes()
  await app.waitForOfflineReady()
  await context.setOffline(true)

  await app.openRoute(/延安/)
  await app.openStop(/枣园/)
  await page.getByRole('link', { name: '打卡', exact: true }).click()
  await page.getByRole('button', { name: '定位打卡' }).click()
  await page.getByRole('button', { name: '确认打卡' }).click()
  await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()

  // Checked in, so the lesson is taken on site without asking.
  await page.getByRole('link', { name: '开始现场教学' }).click()
  const lesson = new LessonDriver(page)
  await lesson.readAllSteps()
  await lesson.answerAllRight()
  await lesson.submit()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('本课已完成（现场学习）')
  await page.getByRole('button', { name: '写心得体会' }).click()
  await lesson.reflectionBox().fill('站在枣园后沟，更懂得“为人民服务”的分量。')
  await page.getByRole('button', { name: '提交心得体会' }).click()
  await expect(page.getByRole('status').filter({ hasText: '心得体会已保存。' })).toBeVisible()

  await page.reload()
  await page.getByRole('link', { name: '红色足迹' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: '枣园革命旧址' }).first()).toContainText('定位')
  await expect(page.getByText(/已完成 · 最高 100%/)).toBeVisible()
  await expect(page.getByTestId('pending-count')).toHaveText('4 条记录等待同步')

  const kinds = (await readStore<{ id: string; kind: string }>(page, 'records')).map((r) => r.kind).sort()
  expect(kinds).toEqual(['checkin', 'lesson.completed', 'quiz.submitted', 'reflection'])
  const outbox = await readStore<{ recordId: string }>(page, 'outbox')
  expect(outbox).toHaveLength(4)
  await context.setOffline(false)
})
