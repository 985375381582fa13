import { freshMember, logIn, serverRecords } from './account.ts'
import { checkInAt } from './checkin-driver.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

test('the passport shows stamps per route, the pending count, and asks for persistent storage', async ({
  page,
  context,
}) => {
  await checkInAt(page, context, 'yangjialing')

  await page.getByRole('link', { name: '红色足迹' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('红色足迹')
  const yanan = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /延安/ }) })
    .first()
  await expect(yanan).toContainText(/已到 1\/\d+ 站/)
  await expect(page.getByTestId('pending-count')).toHaveText('1 条记录等待同步')
  await expect(page.getByTestId('persistence')).not.toHaveText('…')

  // Not logged in: nothing leaves the device, and the passport says what to do about it.
  await expect(page.getByTestId('pending-badge')).toHaveText('1 条待同步（需登录）')
  await expect(page.getByText('登录后，联网时会同步到服务器')).toBeVisible()
  await expect(page.getByRole('button', { name: '立即同步' })).toHaveCount(0)
  await page.getByRole('link', { name: '登录后同步' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录')
})

test('when the browser refuses persistent storage, the passport says so plainly', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'persist', { value: async () => false })
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => false })
  })
  await page.goto('/passport')
  await expect(page.getByTestId('persistence')).toContainText('浏览器未允许持久保存')
  await expect(page.getByRole('button', { name: '申请持久保存' })).toBeVisible()
})

test('a record unsynced for more than 3 days brings a warning and the export offer', async ({
  page,
  context,
}) => {
  await checkInAt(page, context, 'zaoyuan')
  await page.goto('/passport')
  await expect(page.getByText(/超过 3 天没有同步/)).toHaveCount(0)

  await page.clock.install({ time: Date.now() + 4 * 24 * 3_600_000 })
  await page.reload()
  await expect(page.getByRole('alert')).toContainText('有记录超过 3 天没有同步')
  await expect(page.getByText('最早的未同步记录：4 天前')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出未同步记录' }).click()
  expect((await download).suggestedFilename()).toMatch(/^hongtu-unsynced-\d{4}-\d\d-\d\d\.json$/)
})

test('a backup exported before logging in joins the account on another phone, once the member says the records are theirs', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  // Not logged in: a check-in, then the backup file (the phone is about to be wiped).
  await checkInAt(page, context, 'zaoyuan')
  await page.goto('/passport')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出未同步记录' }).click()
  const file = await (await download).path()

  // Another phone (or this one wiped), logged in: the file's record is offered, not taken.
  const other = await browser.newContext({ baseURL, ...WITHOUT_SERVICE_WORKER })
  try {
    const phone = await other.newPage()
    await logIn(phone, await freshMember(baseURL ?? '', '备份学员'))
    await phone.goto('/passport')
    const importFile = () => phone.getByLabel('导入备份文件').setInputFiles(file)
    await importFile()
    const question = phone.getByRole('alert').filter({ hasText: '登录前在手机上保存的记录' })
    await expect(question).toContainText('文件里有 1 条登录前在手机上保存的记录')
    await question.getByRole('button', { name: '不是我的，不导入这些' }).click()
    await expect(phone.getByRole('status').filter({ hasText: '没有可导入的新记录' })).toBeVisible()
    await importFile()
    await question.getByRole('button', { name: '是我的，加入我的账号' }).click()
    await expect(phone.getByRole('status').filter({ hasText: '已导入 1 条记录' })).toBeVisible()
    await expect(phone.getByTestId('pending-count')).toHaveText('没有等待同步的记录', { timeout: 15_000 })
    expect((await serverRecords(phone)).map((r) => r.kind)).toEqual(['checkin'])
  } finally {
    await other.close()
  }
})
