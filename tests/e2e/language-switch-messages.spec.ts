import type { Page } from '@playwright/test'
import { freshMember, logIn } from './account.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { DEMO_CLASS, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A message on the screen (a refusal, an outcome) follows the language the member switches to
 * afterwards, as the rest of the screen does: the header button says it again in English, and
 * back in Chinese. Each test produces one message the way a user would, then switches twice.
 */

const toEnglish = (page: Page) => page.getByRole('button', { name: 'English' }).click()
const toChinese = (page: Page) => page.getByRole('button', { name: '中文' }).click()

/** The status line says `zh`; after a switch it says `en` instead, and `zh` again after the switch back. */
async function expectStatusFollowsTheLanguage(page: Page, zh: string, en: string) {
  await expect(page.getByRole('status').filter({ hasText: zh })).toBeVisible()
  await toEnglish(page)
  await expect(page.getByRole('status').filter({ hasText: en })).toBeVisible()
  await expect(page.getByText(zh)).toHaveCount(0)
  await toChinese(page)
  await expect(page.getByRole('status').filter({ hasText: zh })).toBeVisible()
  await expect(page.getByText(en)).toHaveCount(0)
}

test('a file that is not a backup: the passport says so again in English, and back in Chinese', async ({
  page,
}) => {
  const zh = '这不是红途的备份文件，没有导入任何记录。'
  const en = 'This is not a Hongtu backup file; nothing was imported.'
  await page.goto('/passport')
  await page.getByLabel('导入备份文件').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"notes": []}'),
  })
  await expectStatusFollowsTheLanguage(page, zh, en)
})

test('a class name left empty: the refusal at the field and above the button follow the switch', async ({
  page,
}) => {
  await logIn(page, TRAINER1)
  await page.goto(`/trainer/classes/${DEMO_CLASS.id}`)
  // Nothing is saved: the form refuses before sending, so the demo class other tests read is untouched.
  let edit = page.getByRole('region', { name: '班次名称和日期' })
  let name = edit.getByRole('textbox', { name: '班次名称' })
  await name.fill('')
  await edit.getByRole('button', { name: '保存修改' }).click()
  await expect(edit.getByRole('alert')).toHaveText('请改正标出的内容后再提交。')
  await expect(name).toHaveAccessibleDescription('班次名称不能为空，请填写名称。')

  await toEnglish(page)
  edit = page.getByRole('region', { name: 'Name and dates' })
  name = edit.getByRole('textbox', { name: 'Class name' })
  await expect(edit.getByRole('alert')).toHaveText('Please correct the marked fields and submit again.')
  await expect(name).toHaveAccessibleDescription('The class needs a name. Please enter one.')
  await expect(name).toHaveAttribute('aria-invalid', 'true')

  await toChinese(page)
  edit = page.getByRole('region', { name: '班次名称和日期' })
  await expect(edit.getByRole('alert')).toHaveText('请改正标出的内容后再提交。')
  await expect(edit.getByRole('textbox', { name: '班次名称' })).toHaveAccessibleDescription(
    '班次名称不能为空，请填写名称。',
  )
})

test('logged out on the login screen: the notice is said again in English, and back in Chinese', async ({
  page,
  baseURL,
}) => {
  const zh = '已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。'
  const en =
    'Logged out. Your records are all on the server and were removed from this device; log in again to get them back.'
  await logIn(page, await freshMember(baseURL as string))
  await page.getByRole('button', { name: '退出登录' }).click()
  await expectStatusFollowsTheLanguage(page, zh, en)
})
