import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { COVERAGE_HEADER } from '../../src/domain/archive/coverage-table.ts'
import { type Account, DEMO, logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { ADMIN, freshMemberWithId, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * The organiser's coverage screen (全覆盖) against the real server: an admin finds it in the
 * header, opens a branch to see whom to follow up, and downloads the period as a CSV of every
 * member. The test brings a member of its own in a branch of their own, whom nothing another
 * test records can train, and also finds the demo member 王建国 on the list.
 */

const header = (page: Page) => page.getByRole('navigation', { name: '主导航' })

test('an admin opens coverage from the header, sees an untrained member of a branch and exports the CSV', async ({
  page,
  baseURL,
}) => {
  const member = await freshMemberWithId(baseURL ?? '')
  await logIn(page, ADMIN)
  await header(page).getByRole('link', { name: '培训覆盖' }).click()
  await expect(page).toHaveURL(/\/coverage$/)
  await expect(page.getByRole('heading', { level: 1, name: '培训覆盖情况' })).toBeVisible()

  const followUp = page.getByRole('region', { name: '未参加培训的党员' })
  const summary = followUp.getByText(`${member.branch}：1 人未参加培训`)
  await expect(summary).toBeVisible()
  await expect(followUp.getByText(member.name)).toBeHidden()
  await summary.click()
  await expect(followUp.getByText(member.name)).toBeVisible()
  await expect(followUp.getByText(`用户名 ${member.username}`)).toBeVisible()
  // A demo member too: no e2e test records anything as member2 (王建国), who only logs in.
  const second = followUp.getByRole('group').filter({ hasText: '延安市直机关第二党支部：' })
  await second.getByText(/人未参加培训$/).click()
  await expect(second.getByText('王建国')).toBeVisible()
  await expect(second.getByText('用户名 member2 · 党员编号 YA-2024-0002')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  // On a phone (the tests' viewport) the rate, the figure an organiser looks for, is on the screen
  // without scrolling the table.
  const rate = page.getByTestId('coverage-table').getByRole('columnheader', { name: '覆盖率' })
  const box = await rate.boundingBox()
  expect((box?.x ?? Number.POSITIVE_INFINITY) + (box?.width ?? 0)).toBeLessThanOrEqual(390)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: '导出 CSV（每人一行）' }).click()
  const file = await download
  const year = new Date().getFullYear()
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^培训覆盖情况-${year}-01-01至\\d{4}-\\d\\d-\\d\\d\\.csv$`),
  )
  const bytes = readFileSync(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(lines[0]).toBe(COVERAGE_HEADER.join(','))
  expect(lines).toContain(`${member.branch},${member.name},${member.username},,否,否,否,否`)
})

test('the header offers coverage to admins only', async ({ browser, baseURL }) => {
  const people: Account[] = [DEMO.member2, TRAINER1, ADMIN]
  for (const who of people) {
    const context = await browser.newContext({
      ...WITHOUT_SERVICE_WORKER,
      baseURL,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await logIn(page, who)
    await expect(header(page).getByRole('link', { name: '带教' })).toHaveCount(who === DEMO.member2 ? 0 : 1)
    await expect(header(page).getByRole('link', { name: '培训覆盖' })).toHaveCount(who === ADMIN ? 1 : 0)
    await context.close()
  }
})
