import type { Browser } from '@playwright/test'
import { type Account, logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { checkInAt } from './checkin-driver.ts'
import { AppDriver, expect, test } from './fixtures.ts'
import {
  ADMIN,
  addToClass,
  DashboardDriver,
  DEMO_CLASS,
  freshMemberWithId,
  nudgeClassRecordsChanged,
  TRAINER1,
  uploadCheckin,
} from './trainer-driver.ts'

/**
 * The trainer's screens against the real server: a member checks in on their phone and the
 * trainer's dashboard shows it within seconds without a reload; the dashboard still shows the
 * last pull offline; branch filter and a member's detail; a class made through the form; and
 * who may see what (a member is told these pages are for trainers, coverage is for admins).
 * Each test brings members of its own, in branches of their own, so tests never share a row.
 */

async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  who: Account,
  extra: Parameters<Browser['newContext']>[0] = {},
) {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    ...extra,
  })
  const page = await context.newPage()
  await logIn(page, who)
  return { context, page }
}

test('a member’s check-in appears on the trainer’s dashboard live; offline it shows the last pull', async ({
  app,
  page,
  context,
  browser,
  baseURL,
}) => {
  const member = await freshMemberWithId(baseURL ?? '')
  await addToClass(baseURL ?? '', DEMO_CLASS.id, [member.id])

  await logIn(page, TRAINER1)
  await page.getByRole('link', { name: '带教' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '带教' })).toBeVisible()
  await expect(page.getByRole('link', { name: DEMO_CLASS.name })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole('link', { name: DEMO_CLASS.name }).click()
  const dashboard = new DashboardDriver(page)
  await expect(dashboard.row(member.name)).toBeVisible()
  await expect(await dashboard.cell(member.name, '枣园')).toHaveText('未到')
  expect(await seriousViolations(page)).toEqual([])

  const phone = await signedInPage(browser, baseURL, member, { permissions: ['geolocation'] })
  await checkInAt(phone.page, phone.context, 'zaoyuan')
  const savedAt = Date.now()
  // The member's phone syncs at once; the dashboard polls every 5 s: no reload here.
  await expect(await dashboard.cell(member.name, '枣园')).toContainText('已打卡', { timeout: 12_000 })
  test
    .info()
    .annotations.push({ type: 'check-in to dashboard (ms)', description: String(Date.now() - savedAt) })
  await expect(await dashboard.cell(member.name, '枣园')).toContainText('定位')
  // On a tablet, a member's totals are on screen without scrolling the 16-column table sideways.
  await page.setViewportSize({ width: 1024, height: 768 })
  const totals = await dashboard.cell(member.name, '合计')
  await expect(totals).toContainText('到场 1/')
  // Horizontally, that is (the new member's row may be below the fold): the table is not scrolled.
  const box = await totals.boundingBox()
  expect((box?.x ?? Number.POSITIVE_INFINITY) + (box?.width ?? 0)).toBeLessThanOrEqual(1024)
  await expect(dashboard.connectionNote()).toHaveAttribute('data-connection', 'live')
  await phone.context.close()

  await app.waitForOfflineReady()
  await context.setOffline(true)
  await page.reload()
  await expect(dashboard.connectionNote()).toHaveAttribute('data-connection', 'offline')
  await expect(dashboard.connectionNote()).toContainText('离线')
  await expect(page.getByTestId('last-updated')).toContainText('最后更新')
  await expect(await dashboard.cell(member.name, '枣园')).toContainText('已打卡')
  expect(await seriousViolations(page)).toEqual([])

  // Logging out leaves no class data on a shared tablet (P11).
  await context.setOffline(false)
  await page.goto('/login')
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(
    page.getByText('已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。'),
  ).toBeVisible()
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .not.toContain('hongtu-trainer')
  expect(await page.evaluate(() => localStorage.getItem('hongtu-trainer-cache-owner'))).toBeNull()
})

test('the branch filter narrows the rows; a member’s detail shows their check-ins, lessons and reflections', async ({
  page,
  baseURL,
}) => {
  const [a, b] = [await freshMemberWithId(baseURL ?? ''), await freshMemberWithId(baseURL ?? '')]
  await addToClass(baseURL ?? '', DEMO_CLASS.id, [a.id, b.id])
  await logIn(page, TRAINER1)
  // The poll's timer runs on a clock the test can stop, and the guided-mode socket (which also
  // nudges the dashboard) is kept out, so below only the test's own nudge can bring news.
  await page.clock.install()
  await page.routeWebSocket(/\/api\/guide\/ws/, (ws) => ws.close())
  await page.goto(`/trainer/classes/${DEMO_CLASS.id}`)
  const dashboard = new DashboardDriver(page)
  await expect(dashboard.row(a.name)).toBeVisible()
  await expect(dashboard.row(b.name)).toBeVisible()

  await page.getByLabel('党支部').selectOption({ label: `${a.branch}（1）` })
  await expect(dashboard.row(a.name)).toBeVisible()
  await expect(dashboard.row(b.name)).toHaveCount(0)
  await expect(page.getByTestId('class-summary')).toContainText('学员 1 人')

  // With the poll's clock stopped, a class-records nudge alone brings a new check-in.
  await page.clock.pauseAt(Date.now() + 1_000)
  await uploadCheckin(baseURL ?? '', a, 'yangjialing')
  await nudgeClassRecordsChanged(page, DEMO_CLASS.id)
  await expect(await dashboard.cell(a.name, '杨家岭')).toContainText('已打卡', { timeout: 4_000 })
  await page.clock.resume()

  await dashboard.row(a.name).getByRole('link', { name: a.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: a.name })).toBeVisible()
  await expect(page.getByText(`党支部：${a.branch}`)).toBeVisible()
  await expect(page.getByRole('heading', { name: '打卡' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: '杨家岭' }).first()).toContainText('已打卡')
  await expect(page.getByRole('heading', { name: '心得体会' })).toBeVisible()
  await expect(page.getByText('还没有心得体会。')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole('link', { name: '返回班次看板' }).click()
  await expect(dashboard.grid()).toBeVisible()
})

test('a trainer creates a class with the form; a field error from the server is shown at its field', async ({
  page,
  baseURL,
}) => {
  const member = await freshMemberWithId(baseURL ?? '')
  await logIn(page, TRAINER1)
  await page.goto('/trainer/new')
  await expect(page.getByRole('heading', { level: 1, name: '新建班次' })).toBeVisible()

  await page.getByRole('button', { name: '创建班次' }).click()
  await expect(page.getByText('请填写此项。')).toBeVisible()
  await expect(page.getByText('请选择一条路线或至少一个 VR 场景。')).toBeVisible()

  await page.getByLabel('班次名称').fill(`测试班${member.username}`)
  // Each error goes as its field is put right, not at the next submit.
  await expect(page.getByText('请填写此项。')).toHaveCount(0)
  await expect(page.getByText('请选择一条路线或至少一个 VR 场景。')).toBeVisible()
  await page.getByLabel('路线').selectOption({ label: '延安两日现场教学路线' })
  await expect(page.getByText('请选择一条路线或至少一个 VR 场景。')).toHaveCount(0)
  await page.getByRole('checkbox', { name: '重温入党誓词' }).check()
  const members = page.getByRole('group', { name: '学员名单' })
  await members.getByLabel(/搜索学员/).fill(member.username)
  await members.getByRole('button', { name: '搜索' }).click()
  await members.getByRole('button', { name: `加入 ${member.name}` }).click()
  await expect(members.getByText('已选 1 名学员')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  // The server refuses once, naming the member's field (as it does for a disabled account).
  let refused = false
  await page.route('**/api/classes', async (route) => {
    if (refused || route.request().method() !== 'POST') return route.continue()
    refused = true
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'invalid', message: 'names a disabled account', path: 'memberIds.0' },
      }),
    })
  })
  await page.getByRole('button', { name: '创建班次' }).click()
  await expect(members.getByText(`${member.name}：服务器提示：names a disabled account`)).toBeVisible()

  await page.getByRole('button', { name: '创建班次' }).click()
  await expect(page.getByRole('heading', { name: '班次已创建。' })).toBeVisible()
  await page.getByRole('link', { name: '打开班次看板' }).click()
  const dashboard = new DashboardDriver(page)
  await expect(dashboard.row(member.name)).toBeVisible()
  await expect(await dashboard.cell(member.name, '重温入党誓词')).toHaveText('未学')
})

test('members are told the trainer pages are for trainers; coverage is for admins', async ({
  page,
  browser,
  baseURL,
}) => {
  const app = new AppDriver(page)
  await logIn(page, { username: 'member2', password: 'hongtu-member2-demo', name: '王建国' })
  await expect(page.getByRole('link', { name: '带教' })).toHaveCount(0)
  await page.goto('/trainer')
  await expect(page.getByRole('heading', { name: '这是带教老师使用的页面' })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.goto('/coverage')
  await expect(page.getByText('只有管理员（组织部）可以查看培训覆盖情况。')).toBeVisible()
  await expect(app.heading()).toHaveText('培训覆盖情况')

  const admin = await signedInPage(browser, baseURL, ADMIN)
  await admin.page.goto('/coverage')
  const table = admin.page.getByTestId('coverage-table')
  await expect(table).toBeVisible()
  await expect(table.getByRole('rowheader', { name: '合计' })).toBeVisible()
  expect(await seriousViolations(admin.page)).toEqual([])
  await admin.context.close()
})
