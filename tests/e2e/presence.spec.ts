import QRCode from 'qrcode'
import { logIn } from './account.ts'
import { DEMO_CLASS, freshClassMember, TrainerApi } from './attest-driver.ts'
import { expect, test } from './fixtures.ts'
import { LessonDriver } from './lesson-driver.ts'

/**
 * A member whose GPS and plaque both failed at 枣园 scans the trainer's 到场确认码 (a photo of
 * it, chosen in the in-app scanner). That presence counts as being at the site: the site screen
 * shows it, the check-in screen says a check-in is not needed, and the lesson is taken and
 * recorded on site, without "你还没有在本站打卡" and its offer of remote study.
 */
test('a presence the trainer confirmed counts as being at the site: the lesson is taken on site', async ({
  page,
  baseURL,
}) => {
  const origin = baseURL as string
  const member = await freshClassMember(origin, '到场学员')
  const api = await TrainerApi.open(origin)
  let code: Buffer
  try {
    code = await QRCode.toBuffer(`${origin}/a/${await api.code(DEMO_CLASS)}`)
  } finally {
    await api.dispose()
  }

  await logIn(page, member)
  await page.goto('/scan')
  await page
    .getByLabel('从相册选择二维码图片')
    .setInputFiles({ name: 'trainer.png', mimeType: 'image/png', buffer: code })
  await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在“枣园革命旧址”')

  await page.goto('/sites/zaoyuan')
  await expect(page.getByText(/^✓ 带教老师已确认你到场（\d+月\d+日 \d{2}:\d{2}）$/)).toBeVisible()

  await page.getByRole('link', { name: '打卡', exact: true }).click()
  await expect(page.getByText(/带教老师已于 .* 确认你在枣园革命旧址到场/)).toBeVisible()
  await expect(page.getByText('不打卡也可以。', { exact: false })).toBeVisible()

  await page.getByRole('link', { name: '开始现场教学' }).click()
  await expect(page.getByText('带教老师已确认你在本站到场，本课记为现场学习。')).toBeVisible()
  await expect(page.getByText('你还没有在本站打卡', { exact: false })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '远程学习' })).toHaveCount(0)

  const lesson = new LessonDriver(page)
  await lesson.readAllSteps()
  await lesson.answerAllRight()
  await lesson.submit()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('本课已完成（现场学习）')
})
