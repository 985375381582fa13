import type { Page } from '@playwright/test'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * axe on every state of the lesson player (its card on the site page, mode choice, a text step, the discussion step, the
 * quiz with answers, the result with explanations, the reflection with an earlier one), in
 * the default display, in English, and with large text and high contrast. Run as in
 * accessibility.spec.ts: no serious or critical violation.
 */

async function violationsIn(page: Page, state: string) {
  return (await seriousViolations(page)).map((v) => `${state}: ${v}`)
}

for (const mode of ['default', 'english', 'large-high-contrast'] as const) {
  test(`axe finds no serious or critical violation in the lesson player, ${mode}`, async ({ app, page }) => {
    await page.goto('/')
    if (mode === 'english') await app.switchLanguage()
    if (mode === 'large-high-contrast') {
      await page.getByRole('button', { name: '大字' }).click()
      await page.getByRole('button', { name: '高对比' }).click()
    }
    const zh = mode !== 'english'
    const name = (zhText: string, enText: string) => (zh ? zhText : enText)
    const violations: string[] = []

    await page.goto('/sites/zaoyuan')
    await expect(page.getByRole('link', { name: name('开始学习', 'Start the lesson') })).toBeVisible()
    violations.push(...(await violationsIn(page, 'lesson card on the site page')))

    await page.goto('/lessons/zaoyuan-lesson')
    await expect(app.heading()).toBeVisible()
    violations.push(...(await violationsIn(page, 'mode choice')))

    await page.getByRole('button', { name: name('远程学习', 'Study remotely') }).click()
    // The mode starts its line, capitalised in English.
    await expect(page.getByText(name('远程学习 · ', 'Remote · '))).toBeVisible()
    violations.push(...(await violationsIn(page, 'first step')))

    await page.goto('/lessons/zaoyuan-lesson?view=step-4')
    await expect(page.getByRole('button', { name: name('开始测验', 'Start the quiz') })).toBeVisible()
    violations.push(...(await violationsIn(page, 'discussion step')))

    await page.getByRole('button', { name: name('开始测验', 'Start the quiz') }).click()
    const question = (n: number) =>
      page.getByRole('group', { name: new RegExp(zh ? `^第 ${n} 题` : `^Question ${n}`) })
    await question(1).getByRole('radio').first().check()
    await question(4).getByRole('checkbox').first().check()
    violations.push(...(await violationsIn(page, 'quiz')))

    await page.getByRole('button', { name: name('提交答案', 'Submit answers') }).click()
    await page.getByRole('button', { name: name('仍然提交', 'Submit anyway') }).click()
    await expect(page.getByRole('button', { name: name('重新答题', 'Try again') })).toBeVisible()
    violations.push(...(await violationsIn(page, 'result')))

    await page.getByRole('button', { name: name('写心得体会', 'Write a reflection') }).click()
    await page.getByRole('textbox').fill('心得')
    await page.getByRole('button', { name: name('提交心得体会', 'Submit reflection') }).click()
    await expect(page.locator('time')).toHaveCount(1)
    // The submit button is off once the box is empty: focus is on the line saying it was saved.
    await expect(page.locator('.lesson-reflection .lesson-saved')).toBeFocused()
    await page.getByRole('textbox').fill('第二篇')
    violations.push(...(await violationsIn(page, 'reflection')))

    expect(violations).toEqual([])
  })
}
