import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { type Account, logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { ADMIN, addToClass, DEMO_CLASS, freshMemberWithId, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Accounts as an organiser and a member live them, against the real server: the admin imports a
 * roster on the accounts page (a check first, then the import), hands out the first passwords
 * from the list it downloads, and resets a forgotten one; the member logs in with what they were
 * handed, changes it under "my account", and their other device is logged out. A roster with
 * mistakes is refused line by line, in Chinese, and creates nobody.
 */

const header = (page: Page) => page.getByRole('navigation', { name: '主导航' })
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

async function chooseRoster(page: Page, lines: string[]) {
  await page.getByLabel('选择花名册文件（CSV）').setInputFiles({
    name: '花名册.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
  })
}

/** On a device whose session the server ended: the login screen keeps the name, asks the password. */
async function logInAgain(page: Page, who: Account) {
  await page.goto('/login')
  await expect(page.getByText('登录已过期，记录暂停同步（不会丢失）。请重新登录。')).toBeVisible()
  await expect(page.getByLabel('用户名（党员编号）')).toHaveValue(who.username)
  await page.getByLabel('密码').fill(who.password)
  await page.getByRole('button', { name: '重新登录' }).click()
  await expect(page.getByText(`已登录：${who.name}（${who.username}）`)).toBeVisible()
}

/** The first passwords as the page shows them: name → [username, password]. */
async function issuedPasswords(page: Page): Promise<Map<string, [string, string]>> {
  const rows = await page
    .getByTestId('issued-passwords')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)))
  // Newest first: the first row of a name is its latest password.
  const out = new Map<string, [string, string]>()
  for (const [name, username, password] of rows)
    if (name && !out.has(name)) out.set(name, [username ?? '', password ?? ''])
  return out
}

test('an admin imports a roster; the new member logs in with the handed-out password and changes it', async ({
  page,
  browser,
  baseURL,
}) => {
  const tag = unique()
  const branch = `账号测试支部${tag}`
  await logIn(page, ADMIN)
  await header(page).getByRole('link', { name: '账号管理' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '账号管理' })).toBeVisible()

  await chooseRoster(page, [
    '姓名,党员编号,党支部,角色',
    `刘志丹,LZD-${tag},${branch},党员`,
    `谢子长,XZC-${tag},${branch},带教老师`,
  ])
  const preview = page.getByTestId('roster-preview')
  await expect(preview).toContainText('检查通过：将新建 2 个账号，更新 0 个，0 个不变。还没有写入任何内容。')
  expect(await seriousViolations(page)).toEqual([])
  await preview.getByRole('button', { name: '导入，并生成 2 个初始密码' }).click()

  const issued = page.getByTestId('issued-passwords')
  await expect(issued).toBeFocused()
  await expect(issued.getByRole('heading', { name: '初始密码（只显示这一次）' })).toBeVisible()
  const passwords = await issuedPasswords(page)
  const [username, password] = passwords.get('刘志丹') ?? ['', '']
  expect(username).toBe(`lzd-${tag}`)
  expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
  await expect(page.getByText('已导入：新建 2 个账号，更新 0 个，0 个不变。')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  // The slip list, made on the device: UTF-8 with a BOM for Excel, one line per new account.
  const download = page.waitForEvent('download')
  await issued.getByRole('button', { name: '下载账号单（CSV）' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^账号单-\d{4}-\d\d-\d\d\.csv$/)
  const bytes = readFileSync(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(lines[0]).toBe('姓名,用户名（党员编号）,初始密码,党支部,角色')
  expect(lines).toContain(`刘志丹,lzd-${tag},${password},${branch},学员`)

  // Leaving through the header while passwords show asks first; staying keeps them.
  const asked: string[] = []
  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await header(page).getByRole('link', { name: '精品路线' }).click()
  expect(asked).toEqual(['还有 2 个初始密码显示在账号管理页上。离开后就再也看不到了。仍要离开吗？'])
  await expect(page).toHaveURL(/\/admin\/accounts$/)
  await expect(issued.locator('tbody').getByText(password)).toBeVisible()

  // On paper: a slip per account, each with where to log in; the page around them is not printed.
  await page.emulateMedia({ media: 'print' })
  const slips = issued.locator('.issued-slips > li')
  await expect(slips).toHaveCount(2)
  await expect(slips.filter({ hasText: '刘志丹' })).toContainText(password)
  await expect(slips.first()).toContainText(`请用下面的用户名和初始密码登录 ${new URL(baseURL ?? '').origin}`)
  await expect(issued.locator('table')).toBeHidden()
  await expect(header(page)).toBeHidden()
  await page.emulateMedia({ media: 'screen' })

  // The same file again: nothing to do.
  await chooseRoster(page, [
    '姓名,党员编号,党支部,角色',
    `刘志丹,LZD-${tag},${branch},党员`,
    `谢子长,XZC-${tag},${branch},带教老师`,
  ])
  await expect(page.getByTestId('roster-preview')).toContainText('文件中的账号都已存在，且没有变化。')

  // The member, on their own phone and a tablet.
  const member: Account = { username: `lzd-${tag}`, password, name: '刘志丹' }
  const phone = await browser.newContext({ baseURL, ...WITHOUT_SERVICE_WORKER })
  const tablet = await browser.newContext({ baseURL, ...WITHOUT_SERVICE_WORKER })
  try {
    const p = await phone.newPage()
    const t = await tablet.newPage()
    await logIn(p, member)
    await logIn(t, member)
    // The password was handed out: the screens a member lands on ask them to change it.
    const notice = (page: Page) => page.locator('main .password-given')
    await t.goto('/')
    await expect(notice(t)).toContainText('你现在的密码是管理员或带教老师为你设置的')
    // Right under the heading, where reading starts; putting it off hands focus back to the heading.
    await expect(t.locator('main h1 + .password-given')).toHaveCount(1)
    await notice(t).getByRole('button', { name: '以后再说' }).click()
    await expect(notice(t)).toHaveCount(0)
    await expect(t.getByRole('heading', { level: 1 })).toBeFocused()
    await t.reload()
    await expect(t.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(notice(t)).toHaveCount(0)
    await p.goto('/passport')
    await notice(p).getByRole('link', { name: '修改密码' }).click()
    await expect(p.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible()
    await expect(notice(p)).toHaveCount(0)
    await expect(p.getByTestId('device-sessions').getByRole('listitem')).toHaveCount(2)

    // A new password typed differently twice is caught before sending.
    await p.getByLabel('当前密码').fill(password)
    await p.getByLabel('新密码', { exact: true }).fill('延安精神永放光芒2026')
    await p.getByLabel('再输一次新密码').fill('延安精神永放光芒2025')
    await p.getByRole('button', { name: '修改密码' }).click()
    await expect(p.getByText('两次输入的新密码不一样，请重新输入。')).toBeFocused()
    await expect(p.getByLabel('再输一次新密码')).toHaveAttribute('aria-invalid', 'true')
    // Switching the language says the same thing in the other one.
    await p.getByRole('button', { name: 'English' }).click()
    await expect(p.getByText('The two new passwords differ; please type them again.')).toBeVisible()
    await p.getByRole('button', { name: '中文' }).click()
    await p.getByLabel('再输一次新密码').fill('延安精神永放光芒2026')
    await p.getByRole('button', { name: '修改密码' }).click()
    await expect(p.getByText('密码已修改。其他 1 台设备已退出登录，需要用新密码重新登录。')).toBeVisible()
    await expect(p.getByLabel('当前密码')).toHaveValue('')
    expect(await seriousViolations(p)).toEqual([])
    await header(p).getByRole('link', { name: '红色足迹' }).click()
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(notice(p)).toHaveCount(0)

    // The tablet is logged out; this phone is not.
    expect((await t.request.get('/api/me')).status()).toBe(401)
    expect((await p.request.get('/api/me')).status()).toBe(200)
    // Its account page says so, instead of a server error, and offers the login.
    await t.goto('/account')
    await expect(
      t.getByText(
        '这台设备已经退出登录（也许是在别的设备上让它退出、改了密码，或者管理员让它退出了）。请重新登录。',
      ),
    ).toBeVisible()
    await expect(t.getByLabel('当前密码')).toBeHidden()
    await logInAgain(t, { ...member, password: '延安精神永放光芒2026' })
  } finally {
    await phone.close()
    await tablet.close()
  }
})

test('an admin resets a forgotten password: the old one stops working, the member logs in with the new one', async ({
  page,
  browser,
  baseURL,
}) => {
  const tag = unique()
  await logIn(page, ADMIN)
  await page.goto('/admin/accounts')
  const form = page.getByRole('region', { name: '新建一个账号' })
  await form.getByLabel('姓名').fill('马文瑞')
  await form.getByLabel('用户名（党员编号）').fill(`MWR-${tag}`)
  await form.getByRole('button', { name: '新建账号' }).click()
  // A member needs a branch: said at the field, nothing sent.
  await expect(form.getByText('学员必须填写党支部。')).toBeVisible()
  await form.getByLabel('党支部').fill(`账号测试支部${tag}`)
  await form.getByRole('button', { name: '新建账号' }).click()
  await expect(form.getByText('已为马文瑞新建账号。')).toBeVisible()
  const first = (await issuedPasswords(page)).get('马文瑞')?.[1] ?? ''
  expect(first).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)

  const device = await browser.newContext({ baseURL, ...WITHOUT_SERVICE_WORKER })
  try {
    const d = await device.newPage()
    const member: Account = { username: `mwr-${tag}`, password: first, name: '马文瑞' }
    await logIn(d, member)

    const list = page.getByRole('region', { name: '全部账号' })
    await list.getByLabel('搜索（姓名、用户名、党支部）').fill(`mwr-${tag}`)
    await expect(list.getByText('共 1 个账号')).toBeVisible()
    await list.getByRole('button', { name: '管理马文瑞的账号' }).click()
    await list.getByRole('button', { name: '重置密码' }).click()
    await expect(list.getByRole('alert')).toContainText('为马文瑞生成新密码？旧密码立刻失效')
    await list.getByRole('button', { name: '生成新密码' }).click()
    await expect(list.getByText('已为马文瑞生成新密码，显示在本页上方的“初始密码”中。')).toBeVisible()
    // The first password died with the reset: only the live one is listed.
    const passwords = page.getByTestId('issued-passwords').locator('tbody tr').filter({ hasText: '马文瑞' })
    await expect(passwords).toHaveCount(1)
    const second = (await issuedPasswords(page)).get('马文瑞')?.[1] ?? ''
    expect(second).not.toBe(first)

    // A typo in the name and a move to another branch, in place.
    await list.getByRole('button', { name: '修改资料' }).click()
    await expect(list.getByLabel('姓名', { exact: true })).toBeFocused()
    // A change of role says what it does before it is saved; choosing the role back takes that away.
    const role = list.getByTestId('account-list').getByLabel('角色', { exact: true })
    await role.selectOption('trainer')
    await expect(list.getByRole('note')).toHaveText('改变角色后，此账号在所有设备上退出登录，需要重新登录。')
    await role.selectOption('member')
    await expect(list.getByRole('note')).toHaveCount(0)
    await list.getByLabel('党支部', { exact: true }).fill(`账号测试新支部${tag}`)
    await list.getByRole('button', { name: '保存' }).click()
    await expect(list.getByText('已保存马文瑞的资料。')).toBeFocused()
    // The member has not chosen a password of their own yet: the admin sees it.
    await expect(
      list.getByText(`mwr-${tag} · 学员 · 账号测试新支部${tag} · 正常 · 未改初始密码`),
    ).toBeVisible()

    expect((await d.request.get('/api/me')).status()).toBe(401)
    const login = await d.request.post('/api/auth/login', {
      data: { username: member.username, password: first },
    })
    expect(login.status()).toBe(401)
    await logInAgain(d, { ...member, password: second })
  } finally {
    await device.close()
  }
})

test('a roster with mistakes is refused line by line and creates nobody', async ({ page }) => {
  const tag = unique()
  await logIn(page, ADMIN)
  await page.goto('/admin/accounts')
  await chooseRoster(page, [
    '姓名,党员编号,党支部,角色',
    `高岗,GG-${tag},,党员`,
    `刘景范,LJF-${tag},一支部,书记`,
    `习仲勋,LJF-${tag},一支部,党员`,
  ])
  const refusal = page.getByRole('alert').filter({ hasText: '没有导入任何账号' })
  await expect(refusal).toContainText('文件有 3 处问题，没有导入任何账号。')
  await expect(refusal.getByRole('listitem')).toHaveText([
    '第 2 行（高岗）：学员必须填写党支部。',
    '第 3 行（刘景范）：角色“书记”不认识：只能是 党员（学员）、带教老师 或 管理员。',
    `第 4 行（习仲勋）：党员编号“LJF-${tag}”与第 3 行重复。`,
  ])
  const list = page.getByRole('region', { name: '全部账号' })
  await list.getByLabel('搜索（姓名、用户名、党支部）').fill(tag)
  await expect(list.getByText('没有符合条件的账号。')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

test('on a field trip a trainer gives a member of the class a new password and reads it out', async ({
  page,
  browser,
  baseURL,
}) => {
  const member = await freshMemberWithId(baseURL ?? '')
  // On the roster: put in the class by an admin.
  await addToClass(baseURL ?? '', DEMO_CLASS.id, [member.id], ADMIN)
  const phone = await browser.newContext({ baseURL, ...WITHOUT_SERVICE_WORKER })
  try {
    const p = await phone.newPage()
    await logIn(p, member)

    await logIn(page, TRAINER1)
    await page.goto(`/trainer/classes/${DEMO_CLASS.id}/members/${member.id}`)
    const section = page.getByRole('region', { name: '忘记密码' })
    await section.getByRole('button', { name: '生成新密码' }).click()
    await expect(section.getByRole('alert')).toContainText(`为${member.name}生成新密码？`)
    await section.getByRole('button', { name: '生成新密码' }).click()
    const shown = section.getByTestId('new-password')
    await expect(shown).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    // With the name to log in with: the member number on the page is not always it.
    await expect(section.getByText(`登录用户名：${member.username}`)).toBeVisible()
    await expect(section.getByRole('status')).toBeFocused()
    expect(await seriousViolations(page)).toEqual([])

    expect((await p.request.get('/api/me')).status()).toBe(401)
    await logInAgain(p, { ...member, password: await shown.innerText() })
  } finally {
    await phone.close()
  }
})

test('a trainee the trainer added to the class themself gets a new password from an admin, not the trainer', async ({
  page,
  baseURL,
}) => {
  // Otherwise any trainer could add any member and log in as them.
  const member = await freshMemberWithId(baseURL ?? '')
  await addToClass(baseURL ?? '', DEMO_CLASS.id, [member.id])
  await logIn(page, TRAINER1)
  await page.goto(`/trainer/classes/${DEMO_CLASS.id}/members/${member.id}`)
  const section = page.getByRole('region', { name: '忘记密码' })
  await section.getByRole('button', { name: '生成新密码' }).click()
  await section.getByRole('button', { name: '生成新密码' }).click()
  await expect(section.getByRole('alert')).toContainText('补录学员的新密码只能由管理员生成')
  await expect(section.getByTestId('new-password')).toHaveCount(0)
})
