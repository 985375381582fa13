import { expect, type Page } from '@playwright/test'
import { shownChoice } from './content.ts'

/** The right answer to each question of zaoyuan-lesson, as the member sees the choices in an attempt. */
export function rightAnswers(attempt = 1): Record<number, string[]> {
  const shown = (zh: string) => shownChoice('zaoyuan-lesson', zh, attempt)
  return {
    1: [shown('延园')],
    2: [shown('张思德')],
    3: ['正确'],
    4: [
      shown('“为人民利益而死，就比泰山还重”'),
      shown('“只要你说得对，我们就改正”'),
      shown('“我们都是来自五湖四海，为了一个共同的革命目标，走到一起来了”'),
    ],
    5: ['错误'],
    6: [shown('中央警卫团')],
  }
}

/** The right answers in the first attempt. */
export const RIGHT = rightAnswers(1)

/** A page object for the lesson screen, in the member's words. */
export class LessonDriver {
  constructor(readonly page: Page) {}

  async openFromSite(siteId: string) {
    await this.page.goto(`/sites/${siteId}`)
    await this.page.getByRole('link', { name: '开始学习' }).click()
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('为人民服务')
  }

  lessonCardStatus() {
    return this.page.locator('.card').filter({ hasText: '为人民服务' })
  }

  async studyRemotely() {
    await expect(this.page.getByRole('heading', { name: '怎样学习本课？' })).toBeVisible()
    await this.page.getByRole('button', { name: '远程学习' }).click()
    await expect(this.page.getByText('本课记为远程学习')).toBeVisible()
  }

  async readAllSteps() {
    for (let n = 1; n <= 3; n++) {
      await expect(this.page.getByRole('heading', { level: 2 })).toContainText(`第 ${n} 步 / 共 4 步`)
      await this.page.getByRole('button', { name: '下一步' }).click()
    }
    await expect(this.page.getByRole('heading', { level: 2 })).toContainText('第 4 步 / 共 4 步讨论')
    await expect(this.page.getByText(/请每人回忆最近一次群众/)).toBeVisible()
    await this.page.getByRole('button', { name: '开始测验' }).click()
    await expect(this.page.getByRole('heading', { name: '测验', level: 2 })).toBeFocused()
  }

  question(n: number) {
    return this.page.getByRole('group', { name: new RegExp(`^第 ${n} 题`) })
  }

  /** Picks the given choices of question n (for 多选, each one is ticked). */
  async answer(n: number, choices: string[]) {
    for (const c of choices) await this.question(n).getByLabel(c, { exact: true }).check()
  }

  /** Answers every question right, reading the choices as attempt `attempt` shows them. */
  async answerAllRight(attempt = 1) {
    for (const [n, choices] of Object.entries(rightAnswers(attempt))) await this.answer(Number(n), choices)
  }

  /** The choices of question n as shown, top to bottom, e.g. ["A. 延园", "B. 王家坪", …]. */
  choicesOf(n: number) {
    return this.question(n).locator('label').allInnerTexts()
  }

  async submit() {
    await this.page.getByRole('button', { name: '提交答案' }).click()
  }

  reviewOf(n: number) {
    return this.page.getByRole('listitem').filter({ hasText: new RegExp(`^第 ${n} 题 ·`) })
  }

  async openPart(name: '学习内容' | '测验' | '心得体会') {
    await this.page.getByRole('navigation', { name: '课程环节' }).getByRole('button', { name }).click()
  }

  reflectionBox() {
    return this.page.getByRole('textbox', { name: '我的心得体会' })
  }
}
