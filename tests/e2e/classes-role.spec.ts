import { type Account, logIn } from './account.ts'
import { freshClassMember } from './attest-driver.ts'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { ADMIN, DEMO_CLASS, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A class page (/classes/<id>) as each of its people reads it. The trainer gets the way to the
 * class's dashboard, lead screen and presence code, and none of what a member is asked to do
 * (scan the trainer's code, download the class for the trip); an admin gets the dashboard and
 * the lead screen (the presence code is the trainers' alone); a member sees the member page.
 */

async function openDemoClass(page: import('@playwright/test').Page, who: Account) {
  await logIn(page, who)
  await page.goto(`/classes/${DEMO_CLASS.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_CLASS.name)
}

const MEMBER_ONLY = [/扫描带教老师手机上的/, /下载本班离线资料/, /带教老师确认到场/]

test('a trainer’s class page links to the dashboard, the lead screen and the presence code, and asks nothing of a member', async ({
  page,
}) => {
  await openDemoClass(page, TRAINER1)
  const tools = page.getByRole('navigation', { name: '带教工具' })
  await expect(tools.getByRole('link', { name: '打开班次看板' })).toHaveAttribute(
    'href',
    `/trainer/classes/${DEMO_CLASS.id}`,
  )
  await expect(tools.getByRole('link', { name: '带领模式' })).toHaveAttribute(
    'href',
    `/trainer/classes/${DEMO_CLASS.id}/lead`,
  )
  await expect(tools.getByRole('link', { name: '出示到场确认码' })).toHaveAttribute(
    'href',
    `/trainer/classes/${DEMO_CLASS.id}/attest`,
  )
  await expect(page.getByText('张老师')).toBeVisible()
  for (const text of MEMBER_ONLY) await expect(page.getByText(text)).toHaveCount(0)
  await expect(page.getByTestId('class-offline')).toHaveCount(0)
  expect(await seriousViolations(page)).toEqual([])

  await tools.getByRole('link', { name: '打开班次看板' }).click()
  await expect(page.getByTestId('class-grid')).toBeVisible()
})

test('an admin’s class page links to the dashboard and the lead screen, not to the trainers’ code', async ({
  page,
}) => {
  await openDemoClass(page, ADMIN)
  const tools = page.getByRole('navigation', { name: '带教工具' })
  await expect(tools.getByRole('link', { name: '打开班次看板' })).toBeVisible()
  await expect(tools.getByRole('link', { name: '带领模式' })).toBeVisible()
  await expect(page.getByRole('link', { name: '出示到场确认码' })).toHaveCount(0)
  for (const text of MEMBER_ONLY) await expect(page.getByText(text)).toHaveCount(0)
})

test('a member’s class page keeps the member sections and has no trainer links', async ({
  page,
  baseURL,
}) => {
  const member = await freshClassMember(baseURL ?? '', '班次页学员')
  await openDemoClass(page, member)
  await expect(page.getByRole('heading', { level: 2, name: '带教老师确认到场' })).toBeVisible()
  await expect(page.getByText(/扫描带教老师手机上的到场确认码/)).toBeVisible()
  await expect(page.getByTestId('class-offline')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '带教工具' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: '打开班次看板' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: '出示到场确认码' })).toHaveCount(0)
})
