import { logIn } from './account.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { DEMO_CLASS, TRAINER1 } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * The trainer's class screens in English read as English: a colon and a space after a label,
 * commas between titles, never the Chinese 「：」 or 「、」 (which the Chinese screens keep).
 */

test('in English, the class list and the dashboard use English colons and list commas', async ({
  page,
  app,
}) => {
  await logIn(page, TRAINER1)
  await app.switchLanguage()
  await page.goto('/classes')
  const card = page.getByTestId('my-classes').getByRole('listitem').filter({ hasText: DEMO_CLASS.name })
  await expect(card).toContainText(/Route: \S/)
  await expect(card).not.toContainText('：')

  await page.goto(`/trainer/classes/${DEMO_CLASS.id}`)
  const scenes = page.locator('dt:text-is("VR scenes") + dd')
  await expect(scenes).toContainText(/\S, \S/)
  await expect(scenes).not.toContainText('、')
})
