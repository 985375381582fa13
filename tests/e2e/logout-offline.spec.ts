import { type APIRequestContext, type Page, request } from '@playwright/test'
import { type Account, freshMember, logIn } from './account.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

/**
 * A logout the server could not hear at the time (notes/reliability.md P11, P18). The session
 * is an HttpOnly cookie the page cannot delete: until the server ends it, /api/me and the sync
 * pull still answer for the member to anyone holding the phone. So the device says only what
 * is true (logged out here, the server's part later) and finishes the logout on the server as
 * soon as it can: when the network returns, when the app starts, and before anyone else logs
 * in on it. Each test checks the server with the browser's own cookie (or the member's, kept).
 */

test.use(WITHOUT_SERVICE_WORKER)

const LOGGED_OUT_HERE =
  '已在这台设备上退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。现在连不上服务器，服务器上的退出会在联网后自动完成。'

/** Who the server says the browser's cookie belongs to: the status of GET /api/me. */
async function meStatus(page: Page): Promise<number> {
  return (await page.request.get('/api/me')).status()
}

/** The logout request fails as on a dead link, though the browser believes it is online. */
async function serverUnreachableForLogout(page: Page) {
  await page.route('**/api/auth/logout', (route) => route.abort('connectionrefused'))
}

async function logOutOnLoginScreen(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByText(LOGGED_OUT_HERE)).toBeVisible()
}

/** A request context carrying one member's session cookie, as someone who copied it would. */
async function withCookieOf(page: Page, baseURL: string): Promise<APIRequestContext> {
  const cookies = await page.context().cookies()
  const session = cookies.find((c) => c.name.endsWith('hongtu_session'))
  expect(session, 'a session cookie after logging in').toBeDefined()
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${session?.name}=${session?.value}` },
  })
}

test('logged out offline: the device says the server’s part waits, and finishes it when back online', async ({
  page,
  context,
  baseURL,
}) => {
  await logIn(page, await freshMember(baseURL ?? ''))
  await context.setOffline(true)
  await logOutOnLoginScreen(page)
  // Not yet on the server: that is what the member was told.
  expect(await meStatus(page)).toBe(200)

  await context.setOffline(false)
  await expect.poll(() => meStatus(page), { timeout: 15_000 }).toBe(401)
})

test('a logout still owed to the server is sent when the app starts again', async ({ page, baseURL }) => {
  await logIn(page, await freshMember(baseURL ?? ''))
  await serverUnreachableForLogout(page)
  await logOutOnLoginScreen(page)
  expect(await meStatus(page)).toBe(200)

  await page.unroute('**/api/auth/logout')
  await page.reload()
  await expect.poll(() => meStatus(page), { timeout: 15_000 }).toBe(401)
})

test('on a shared phone, the next member’s login first ends the session the last one left owed', async ({
  page,
  baseURL,
}) => {
  const first: Account = await freshMember(baseURL ?? '', '第一位学员')
  const next: Account = await freshMember(baseURL ?? '', '第二位学员')
  await logIn(page, first)
  const firstsCookie = await withCookieOf(page, baseURL ?? '')
  try {
    await serverUnreachableForLogout(page)
    await logOutOnLoginScreen(page)
    await page.unroute('**/api/auth/logout')
    // The next member logs in on the same screen: no restart, no 'online' event to send it.
    await page.getByLabel('用户名（党员编号）').fill(next.username)
    await page.getByLabel('密码').fill(next.password)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page.getByText(`已登录：${next.name}（${next.username}）`)).toBeVisible()

    expect((await firstsCookie.get('/api/me')).status()).toBe(401)
    const me = (await (await page.request.get('/api/me')).json()) as { user: { username: string } }
    expect(me.user.username).toBe(next.username)
  } finally {
    await firstsCookie.dispose()
  }
})
