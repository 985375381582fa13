import { request } from '@playwright/test'
import { logIn } from './account.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { createAccount, LeadDriver } from './guide-driver.ts'
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
