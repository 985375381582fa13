import { type APIRequestContext, expect, type Page, request } from '@playwright/test'

/** Demo accounts seeded by the server on first start (server/README.md). */
export const DEMO = {
  member1: { username: 'member1', password: 'hongtu-member1-demo', name: '李红梅' },
  member2: { username: 'member2', password: 'hongtu-member2-demo', name: '王建国' },
} as const

export interface Account {
  readonly username: string
  readonly password: string
  readonly name: string
}

/**
 * A member of their own for one test, created by the demo admin through the admin API, so
 * tests running side by side on one server never see each other's records.
 */
export async function freshMember(baseURL: string, name = '测试学员'): Promise<Account> {
  const admin: APIRequestContext = await request.newContext({ baseURL })
  try {
    const login = await admin.post('/api/auth/login', {
      data: { username: 'admin', password: 'hongtu-admin-demo' },
    })
    expect(login.status()).toBe(200)
    const account = {
      username: `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      password: `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`,
      name,
    }
    const created = await admin.post('/api/admin/users', {
      data: {
        username: account.username,
        password: account.password,
        displayName: name,
        role: 'member',
        branch: '测试党支部',
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    return account
  } finally {
    await admin.dispose()
  }
}

/** Logs in through the login screen, as a member does. */
export async function logIn(page: Page, who: Account) {
  await page.goto('/login')
  await page.getByLabel('用户名（党员编号）').fill(who.username)
  await page.getByLabel('密码').fill(who.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText(`已登录：${who.name}（${who.username}）`)).toBeVisible()
  // The form is gone: focus is on the line that replaced it.
  await expect(page.getByText(`已登录：${who.name}（${who.username}）`)).toBeFocused()
}

/** The member's records as the server holds them (the page's session cookie is used). */
export async function serverRecords(page: Page): Promise<{ id: string; kind: string }[]> {
  const res = await page.request.get('/api/sync/pull?cursor=0&limit=500')
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { records: { record: { id: string; kind: string } }[] }
  return body.records.map((r) => r.record)
}
