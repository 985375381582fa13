import { type APIRequestContext, expect, type Page, request } from '@playwright/test'
import { type Account, freshMember } from './account.ts'

/** The demo class (server/db/seed.ts) and its trainer. */
export const DEMO_CLASS = { id: 'demo-yanan-class', name: '延安精神现场教学班（演示）' }
export const TRAINER1: Account = { username: 'trainer1', password: 'hongtu-trainer1-demo', name: '张老师' }

/**
 * A fresh member of the demo class: created by the demo admin (account.ts), then added to the
 * class through the class roster API, so their untagged records made during the class's dates
 * are the class's records (server/classes/routes.ts classScope).
 */
export async function freshClassMember(baseURL: string, name: string): Promise<Account & { id: string }> {
  const account = await freshMember(baseURL, name)
  const member: APIRequestContext = await request.newContext({ baseURL })
  const admin: APIRequestContext = await request.newContext({ baseURL })
  try {
    const login = await member.post('/api/auth/login', {
      data: { username: account.username, password: account.password },
    })
    expect(login.status()).toBe(200)
    const id = ((await login.json()) as { user: { id: string } }).user.id
    expect(
      (
        await admin.post('/api/auth/login', { data: { username: 'admin', password: 'hongtu-admin-demo' } })
      ).status(),
    ).toBe(200)
    const added = await admin.post(`/api/classes/${DEMO_CLASS.id}/members`, { data: { memberIds: [id] } })
    expect(added.status(), await added.text()).toBe(200)
    return { ...account, id }
  } finally {
    await member.dispose()
    await admin.dispose()
  }
}

/** A page object for the pre-test (课前小测) at the start of a lesson, in the member's words. */
export class PretestDriver {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: '课前小测', level: 2 })
  }

  question(n: number) {
    return this.page.getByRole('group', { name: new RegExp(`^第 ${n} 题`) })
  }

  async answer(n: number, choice: string) {
    await this.question(n).getByLabel(choice, { exact: true }).check()
  }

  async submit() {
    await this.page.getByRole('button', { name: '提交课前小测' }).click()
  }

  async skip() {
    await this.page.getByRole('button', { name: '跳过' }).click()
  }

  /** From the result of the pre-test to the lesson's first step. */
  async startLesson() {
    await this.page.getByRole('button', { name: '开始学习' }).click()
    await expect(this.page.getByRole('heading', { level: 2 }).first()).toContainText('第 1 步')
  }

  /** Steps through the lesson to its quiz, whatever the number of steps. */
  async readToQuiz() {
    for (let i = 0; i < 20; i++) {
      const finish = this.page.getByRole('button', { name: '开始测验' })
      if (await finish.isVisible()) {
        await finish.click()
        await expect(this.page.getByRole('heading', { name: '测验', level: 2 })).toBeFocused()
        return
      }
      await this.page.getByRole('button', { name: '下一步' }).click()
    }
    throw new Error('the lesson never reached its quiz')
  }
}
