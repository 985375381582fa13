import { type APIRequestContext, request } from '@playwright/test'
import { logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { guideWorld } from './guide-driver.ts'
import { ADMIN, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A roster file (花名册) in the trainer's language, on a 390 px phone: the server answers each
 * problem and warning with a code, its column and the values it needs, and the app says it in
 * Chinese naming the column (姓名, 党员编号, 党支部), never the server's English. Both ways a
 * roster comes in: 补录学员 on a class's dashboard, and the file chosen when creating a class
 * (where a two-day route also makes the class last two days). Each test has a class of its own.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

const csvFile = (lines: string[]) => ({
  name: '花名册.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
})

/** A member account with a member number (the admin's roster import would make it). */
async function memberWithNumber(baseURL: string, branch: string) {
  const admin: APIRequestContext = await request.newContext({ baseURL })
  try {
    const login = await admin.post('/api/auth/login', {
      data: { username: ADMIN.username, password: ADMIN.password },
    })
    expect(login.status()).toBe(200)
    const tag = unique()
    const member = { name: `名册学员${tag}`, memberNumber: `YA-E2E-${tag}`.toUpperCase(), branch }
    const created = await admin.post('/api/admin/users', {
      data: {
        username: `rm${tag}`,
        password: `pw-${tag}-${Date.now()}`,
        displayName: member.name,
        role: 'member',
        branch,
        memberNumber: member.memberNumber,
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    return member
  } finally {
    await admin.dispose()
  }
}

test('a refused roster on the dashboard names each line’s column in Chinese', async ({
  app,
  page,
  baseURL,
}) => {
  void app
  const world = await guideWorld(baseURL as string)
  await logIn(page, world.trainer)
  await page.goto(`/trainer/classes/${world.classId}`)
  const add = page.getByRole('region', { name: '管理班次' }).getByRole('region', { name: '补录学员' })
  const missing = `YA-NONE-${unique()}`

  await add
    .getByLabel('或上传名单文件（CSV）')
    .setInputFiles(
      csvFile(['姓名,党员编号,党支部', `,YA-E2E-EMPTY-NAME,`, `王五,${missing},`, `王五,${missing},`]),
    )

  const alert = add.getByRole('alert')
  await expect(alert).toContainText('名单文件没有导入')
  await expect(alert.getByRole('listitem')).toHaveText([
    '第 2 行：“姓名”为空。',
    '第 3 行：“党员编号”没有对应的账号。新学员的账号要先由管理员导入，再上传名单。',
    '第 4 行：“党员编号”与第 3 行重复。',
  ])
  await expect(alert).not.toContainText(/is empty|no account|repeats/)
  expect(await seriousViolations(page)).toEqual([])
})

test('a roster line whose branch differs is added, with the warning in Chinese', async ({
  app,
  page,
  baseURL,
}) => {
  void app
  const world = await guideWorld(baseURL as string)
  const member = await memberWithNumber(baseURL as string, `名册支部${unique()}`)
  await logIn(page, world.trainer)
  await page.goto(`/trainer/classes/${world.classId}`)
  const add = page.getByRole('region', { name: '管理班次' }).getByRole('region', { name: '补录学员' })

  await add
    .getByLabel('或上传名单文件（CSV）')
    .setInputFiles(csvFile(['姓名,党员编号,党支部', `${member.name},${member.memberNumber},另一个党支部`]))

  const status = add.getByRole('status').filter({ hasText: '名单文件已导入' })
  await expect(status).toContainText('名单文件已导入 1 名学员。')
  await expect(status.getByRole('listitem')).toHaveText([
    `第 2 行：“党支部”与账号登记的党支部（${member.branch}）不同。`,
  ])
})

test('a new class on the two-day route lasts two days; its refused roster is said in Chinese', async ({
  app,
  page,
}) => {
  void app
  await logIn(page, TRAINER1)
  await page.goto('/trainer/new')
  await page.getByLabel('班次名称').fill(`两日班${unique()}`)
  const starts = page.getByLabel('开始日期')
  const ends = page.getByLabel('结束日期')
  const today = await starts.inputValue()
  await expect(ends).toHaveValue(today)

  await page.getByLabel('路线').selectOption({ label: '延安两日现场教学路线' })
  const dayAfter = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  await expect(ends).toHaveValue(dayAfter(today))
  await expect(ends).toHaveAccessibleDescription(/这条路线共 2 天，结束日期已按路线设为第 2 天/)
  // A later start moves the end along.
  await starts.fill('2030-06-10')
  await expect(ends).toHaveValue('2030-06-11')

  await page
    .getByLabel('或上传名单文件（CSV）')
    .setInputFiles(csvFile(['姓名,党员编号,党支部', `赵六,YA-NONE-${unique()},`]))
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/classes') && r.request().method() === 'POST',
  )
  await page.getByRole('button', { name: '创建班次' }).click()
  const body = (await (await created).json()) as { class: { startsOn: string; endsOn: string } }
  expect(body.class).toMatchObject({ startsOn: '2030-06-10', endsOn: '2030-06-11' })

  await expect(page.getByRole('heading', { name: '班次已创建。' })).toBeVisible()
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([
    '第 2 行：“党员编号”没有对应的账号。新学员的账号要先由管理员导入，再上传名单。',
  ])
})
