import { type APIRequestContext, type Browser, expect, type Page, request } from '@playwright/test'
import type { Account } from './account.ts'
import { WITHOUT_SERVICE_WORKER } from './fixtures.ts'

/**
 * Guided mode's e2e world: a class of its own for each test (a fresh trainer and a fresh member,
 * the demo route and the demo VR scenes), made through the admin API, so commands sent in one
 * test never reach a phone of another test running beside it. And page objects for the two
 * screens: the trainer's lead screen and the member's banner.
 */
export interface GuideWorld {
  readonly classId: string
  readonly trainer: Account & { readonly id: string }
  readonly member: Account & { readonly id: string }
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

export async function createAccount(admin: APIRequestContext, role: 'member' | 'trainer', name: string) {
  const account = {
    username: `g${role[0]}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`,
    password: `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    name,
  }
  const created = await admin.post('/api/admin/users', {
    data: {
      username: account.username,
      password: account.password,
      displayName: name,
      role,
      ...(role === 'member' ? { branch: '测试党支部' } : {}),
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  return { ...account, id: ((await created.json()) as { user: { id: string } }).user.id }
}

export async function guideWorld(baseURL: string): Promise<GuideWorld> {
  const admin = await request.newContext({ baseURL })
  try {
    const login = await admin.post('/api/auth/login', {
      data: { username: 'admin', password: 'hongtu-admin-demo' },
    })
    expect(login.status()).toBe(200)
    const trainer = await createAccount(admin, 'trainer', '带教测试老师')
    const member = await createAccount(admin, 'member', '带教测试学员')
    const today = chinaToday()
    const created = await admin.post('/api/classes', {
      data: {
        name: '带教测试班',
        routeId: 'yanan-two-day',
        sceneIds: ['yanan-yaodong', 'oath-hall'],
        startsOn: today,
        endsOn: today,
        trainerIds: [trainer.id],
        memberIds: [member.id],
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const classId = ((await created.json()) as { class: { id: string } }).class.id
    return { classId, trainer, member }
  } finally {
    await admin.dispose()
  }
}

/**
 * Logs in through the login screen in a fresh context of its own (a phone or a tablet). Guided
 * mode is online by nature, so the service worker is left out unless a test goes offline and
 * needs it (see WITHOUT_SERVICE_WORKER).
 */
export async function deviceFor(
  browser: Browser,
  baseURL: string,
  who: Account,
  options: { readonly installForOffline?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...(options.installForOffline ? {} : WITHOUT_SERVICE_WORKER),
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  })
  const own = new URL(baseURL).host
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own,
    (route) => route.abort('blockedbyclient'),
  )
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('用户名（党员编号）').fill(who.username)
  await page.getByLabel('密码').fill(who.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText(`已登录：${who.name}（${who.username}）`)).toBeVisible()
  return page
}

/** The trainer's lead screen. */
export class LeadDriver {
  constructor(
    readonly page: Page,
    readonly classId: string,
  ) {}

  async open() {
    await this.page.goto(`/trainer/classes/${this.classId}/lead`)
    await expect(this.page.getByTestId('lead-link')).toHaveAttribute('data-state', 'open')
  }

  person(userId: string) {
    return this.page.getByTestId(`lead-person-${userId}`)
  }

  async waitConnected(userId: string) {
    await expect(this.person(userId).locator('[data-connected]')).toHaveAttribute('data-connected', 'true')
  }

  followed(userId: string) {
    return this.person(userId).locator('[data-followed]')
  }

  /** Presses a command button, inside a named group (a lesson, a scene) when given. */
  async press(name: string | RegExp, group?: string) {
    const scope = group ? this.page.getByRole('group', { name: group }) : this.page
    await scope.getByRole('button', { name }).click()
    await expect(this.page.getByTestId('lead-feedback')).toContainText('已发出')
  }
}

export const banner = (page: Page) => page.getByTestId('guide-banner')
