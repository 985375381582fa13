import { request } from '@playwright/test'
import { logIn } from './account.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { createAccount, guideWorld, LeadDriver } from './guide-driver.ts'
import { ADMIN } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A class created with no VR scenes has no VR columns on its dashboard, so its lead screen
 * offers no VR classroom at all (it used to offer every scene), while its route's buttons stay.
 * The class is this test's own; the demo class keeps its scenes for the guided-mode tests.
 */

test('the lead screen of a class with no VR scenes offers no VR commands', async ({ app, page, baseURL }) => {
  void app
  const admin = await request.newContext({ baseURL })
  let classId: string
  let trainer: Awaited<ReturnType<typeof createAccount>>
  try {
    const login = await admin.post('/api/auth/login', {
      data: { username: ADMIN.username, password: ADMIN.password },
    })
    expect(login.status()).toBe(200)
    trainer = await createAccount(admin, 'trainer', '只走路线的老师')
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const created = await admin.post('/api/classes', {
      data: {
        name: '只走路线的班次',
        routeId: 'yanan-two-day',
        sceneIds: [],
        startsOn: today,
        endsOn: today,
        trainerIds: [trainer.id],
        memberIds: [],
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    classId = ((await created.json()) as { class: { id: string } }).class.id
  } finally {
    await admin.dispose()
  }

  await logIn(page, trainer)
  const lead = new LeadDriver(page, classId)
  await lead.open()
  await expect(page.getByRole('heading', { name: '集合' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'VR 课堂' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^进入《/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '暂停' })).toHaveCount(0)
})

/**
 * In the VR center the trainer pauses, points and leads the oath again and again: on a 1024 × 768
 * tablet those commands were two screens down, under the route's stops and lessons. On a field
 * trip the route's commands come first, with one tap to the VR ones; once the class is in VR the
 * screen opens with them first. The pause stays in view while the trainer goes down the scenes.
 */
test.describe('on a 1024 × 768 tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true })

  test('the route first on a trip, one tap to VR; VR first once the class is in VR; the pause stays in view', async ({
    app,
    page,
    baseURL,
  }) => {
    void app
    // A class of its own (the demo class's guide state is the guided-mode tests'): a route and VR scenes.
    const { trainer, classId } = await guideWorld(baseURL ?? '')
    await logIn(page, trainer)
    const lead = new LeadDriver(page, classId)
    await lead.open()
    const pause = page.getByRole('button', { name: '暂停', exact: true })
    const inFirstScreen = async () => {
      const box = await pause.boundingBox()
      return box !== null && box.y >= 0 && box.y + box.height <= 768
    }
    const headings = () => page.getByRole('heading', { level: 2 }).allTextContents()
    expect((await headings()).indexOf('集合')).toBeLessThan((await headings()).indexOf('VR 课堂'))
    await page.getByRole('button', { name: '跳到：VR 课堂' }).click()
    await expect(page.getByRole('heading', { name: 'VR 课堂' })).toBeFocused()
    expect(await inFirstScreen(), 'pause in view after the jump').toBe(true)

    await page.getByRole('button', { name: '进入《重温入党誓词》' }).click()
    await expect(page.getByTestId('lead-feedback')).toContainText('已发出')
    await lead.open()
    expect((await headings()).indexOf('VR 课堂')).toBeLessThan((await headings()).indexOf('集合'))
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(await inFirstScreen(), 'pause within the first 768 px').toBe(true)
    await expect(page.getByRole('button', { name: '跳到：集合' })).toBeVisible()

    // Down to the oath hall's commands, as far as the first one shows at the screen's foot.
    const oathStart = page.getByRole('button', { name: '领誓：开始重温入党誓词' })
    await oathStart.evaluate((b) => b.scrollIntoView({ block: 'end' }))
    await expect(oathStart).toBeInViewport()
    expect(await inFirstScreen(), 'pause in view beside the oath’s commands').toBe(true)
  })
})

/**
 * On a phone the lead screen is about four screens long: after a tap low on the page, what the
 * command did ("已发出", or why it failed) and how many followed were far above, out of view.
 * They stay at the foot of the screen.
 */
test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('what a command did is said in view, at the foot of the screen, whatever button was pressed', async ({
    app,
    page,
    baseURL,
  }) => {
    void app
    const { trainer, classId } = await guideWorld(baseURL ?? '')
    await logIn(page, trainer)
    const lead = new LeadDriver(page, classId)
    await lead.open()
    const end = page.getByRole('button', { name: '结束本次带教' })
    // The last stop's last lesson: its quiz, far down the page.
    const lastQuiz = page.getByRole('button', { name: '做测验' }).last()
    await lastQuiz.scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(844)
    await lastQuiz.click()
    const feedback = page.getByTestId('lead-feedback')
    await expect(feedback).toContainText('已发出')
    await expect(feedback).toBeInViewport()
    await expect(page.getByText(/^已跟随 0 \/ \d+ 人$/).last()).toBeInViewport()
    await end.scrollIntoViewIfNeeded()
    await expect(feedback).toBeInViewport()
  })
})
