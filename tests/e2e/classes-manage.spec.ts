import { request } from '@playwright/test'
import { logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { expect, test } from './fixtures.ts'
import { createAccount, guideWorld } from './guide-driver.ts'
import { DashboardDriver, freshMemberWithId } from './trainer-driver.ts'

/**
 * Managing a class from its dashboard, on a 390 px phone: a trainee who walks in on the day is
 * found by search and added, and shows up on the dashboard; the class is renamed (an empty name
 * is refused with what to do); the walk-in, added by mistake after all, is removed after a
 * second confirmation that says their records are kept. Offline, the controls are off and say
 * why. Each test has a class of its own (guideWorld), never the demo class other tests read.
 */

test('a trainer adds a walk-in by search, renames the class, and removes the walk-in after confirming', async ({
  app,
  page,
  baseURL,
}) => {
  void app
  test.setTimeout(90_000)
  const origin = baseURL as string
  const world = await guideWorld(origin)
  const walkIn = await freshMemberWithId(origin)

  await logIn(page, world.trainer)
  await page.goto(`/trainer/classes/${world.classId}`)
  const dashboard = new DashboardDriver(page)
  await expect(dashboard.row(world.member.name)).toBeVisible()
  await expect(dashboard.row(walkIn.name)).toHaveCount(0)

  const manage = page.getByRole('region', { name: '管理班次' })
  const add = manage.getByRole('region', { name: '补录学员' })
  await add.getByRole('searchbox', { name: '搜索学员（姓名、用户名或党员编号）' }).fill(walkIn.name)
  await add.getByRole('button', { name: '搜索', exact: true }).click()
  await add.getByRole('button', { name: `加入 ${walkIn.name}` }).click()
  await add.getByRole('button', { name: '加入本班次（1 人）' }).click()
  await expect(add.getByRole('status')).toHaveText('已加入 1 人。')
  // The dashboard reads the class again: the walk-in has a row, and the class two trainees.
  await expect(dashboard.row(walkIn.name)).toBeVisible()
  await expect(page.getByTestId('class-summary')).toContainText('学员 2 人')
  expect(await seriousViolations(page)).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  const edit = manage.getByRole('region', { name: '班次名称和日期' })
  const name = edit.getByRole('textbox', { name: '班次名称' })
  await name.fill('  ')
  await edit.getByRole('button', { name: '保存修改' }).click()
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(name).toHaveAccessibleDescription('班次名称不能为空，请填写名称。')
  await name.fill('带教测试班第二期')
  await edit.getByRole('button', { name: '保存修改' }).click()
  await expect(edit.getByRole('status')).toHaveText('已保存，看板已更新。')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('带教测试班第二期')

  const remove = manage.getByRole('region', { name: '移出学员' })
  await remove.getByRole('button', { name: `把 ${walkIn.name} 移出本班次` }).click()
  await expect(remove.getByRole('alert')).toContainText('记录不会删除')
  await remove.getByRole('button', { name: '取消' }).click()
  await expect(remove.getByRole('alert')).toHaveCount(0)
  await expect(dashboard.row(walkIn.name)).toBeVisible()
  await remove.getByRole('button', { name: `把 ${walkIn.name} 移出本班次` }).click()
  await remove.getByRole('button', { name: '确认移出' }).click()
  await expect(remove.getByRole('status')).toHaveText(`已把 ${walkIn.name} 移出本班次，其记录没有删除。`)
  await expect(dashboard.row(walkIn.name)).toHaveCount(0)
  await expect(dashboard.row(world.member.name)).toBeVisible()
  await expect(page.getByTestId('class-summary')).toContainText('学员 1 人')

  // The server agrees: the new name, and the walk-in off the roster.
  const detail = await page.request.get(`/api/classes/${world.classId}`)
  const body = (await detail.json()) as { class: { name: string }; members: { id: string }[] }
  expect(body.class.name).toBe('带教测试班第二期')
  expect(body.members.map((m) => m.id)).toEqual([world.member.id])
})

test('offline, managing the class says it needs a connection and its controls are off', async ({
  app,
  page,
  context,
  baseURL,
}) => {
  void app
  const world = await guideWorld(baseURL as string)
  await logIn(page, world.trainer)
  await page.goto(`/trainer/classes/${world.classId}`)
  const manage = page.getByRole('region', { name: '管理班次' })
  await expect(manage.getByRole('button', { name: '保存修改' })).toBeEnabled()

  await context.setOffline(true)
  await expect(manage).toContainText('管理班次需要联网')
  await expect(manage.getByRole('button', { name: '保存修改' })).toBeDisabled()
  // And looks it: the rule for controls that are off applies on every screen, not only the lesson's.
  expect(
    await manage.getByRole('button', { name: '保存修改' }).evaluate((b) => getComputedStyle(b).opacity),
  ).toBe('0.55')
  await expect(manage.getByRole('textbox', { name: '班次名称' })).toBeDisabled()
  await expect(manage.getByRole('button', { name: /^加入本班次/ })).toBeDisabled()
  await expect(manage.getByRole('searchbox', { name: '搜索学员（姓名、用户名或党员编号）' })).toBeDisabled()
  await expect(manage.getByRole('button', { name: `把 ${world.member.name} 移出本班次` })).toBeDisabled()
  await expect(manage.getByLabel('或上传名单文件（CSV）')).toBeDisabled()
  await expect(manage.getByRole('searchbox', { name: '搜索带教老师（姓名或用户名）' })).toBeDisabled()
  await expect(manage.getByRole('button', { name: /^设为本班次的带教老师/ })).toBeDisabled()

  await context.setOffline(false)
  await expect(manage.getByRole('button', { name: '保存修改' })).toBeEnabled({ timeout: 15_000 })
})

test("a class's trainers: a colleague is added and removed, the only trainer cannot be, and one who steps down is taken back to their classes", async ({
  app,
  page,
  baseURL,
}) => {
  void app
  test.setTimeout(90_000)
  const origin = baseURL as string
  const world = await guideWorld(origin)
  const admin = await request.newContext({ baseURL: origin })
  await admin.post('/api/auth/login', { data: { username: 'admin', password: 'hongtu-admin-demo' } })
  const colleague = await createAccount(admin, 'trainer', `协助老师${Date.now().toString(36)}`)
  await admin.dispose()

  await logIn(page, world.trainer)
  await page.goto(`/trainer/classes/${world.classId}`)
  const trainers = page.getByRole('region', { name: '管理班次' }).getByRole('region', { name: '带教老师' })
  const list = trainers.getByRole('list', { name: '本班次的带教老师' })
  await expect(list.getByRole('listitem')).toHaveText([/^带教测试老师（你）/])
  // The only trainer: no removing, and it says what to do instead.
  await expect(
    trainers.getByRole('button', { name: `把 ${world.trainer.name} 从本班次的带教老师中移出` }),
  ).toBeDisabled()
  await expect(trainers).toContainText('唯一的带教老师不能移出：请先加入另一位。')

  await trainers.getByRole('searchbox', { name: '搜索带教老师（姓名或用户名）' }).fill(colleague.name)
  await trainers.getByRole('button', { name: '搜索', exact: true }).click()
  await trainers.getByRole('button', { name: `加入 ${colleague.name}` }).click()
  await trainers.getByRole('button', { name: '设为本班次的带教老师（1 人）' }).click()
  await expect(trainers.getByRole('status')).toHaveText('已加入 1 位带教老师。')
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list).toContainText(colleague.name)
  expect(await seriousViolations(page)).toEqual([])

  // The dashboard stored the class's signing key on this device, for codes offline.
  const keysOnDevice = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('hongtu-classes')
          open.onerror = () => resolve([])
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains('signing')) return resolve([])
            const all = db.transaction('signing').objectStore('signing').getAll()
            all.onsuccess = () => {
              db.close()
              resolve((all.result as { kid: string }[]).map((k) => k.kid))
            }
            all.onerror = () => resolve([])
          }
        }),
    )
  await expect.poll(keysOnDevice).toEqual([`cls-${world.classId}-1`])

  // Removing the colleague is asked twice, and says the class's key is replaced with it (the
  // key on the colleague's phone would go on making codes).
  await trainers.getByRole('button', { name: `把 ${colleague.name} 从本班次的带教老师中移出` }).click()
  await expect(trainers.getByRole('alert')).toContainText('到场确认码密钥会随之更换')
  await trainers.getByRole('button', { name: '确认移出' }).click()
  await expect(trainers.getByRole('status')).toHaveText(`${colleague.name} 已不再是本班次的带教老师。`)
  await expect(list.getByRole('listitem')).toHaveCount(1)
  // This device takes the new key at once, while online, not at the code screen in the field.
  await expect.poll(keysOnDevice).toEqual([`cls-${world.classId}-2`])

  // Handing the class over: the colleague in, oneself out. Until then this device keeps a copy
  // of the class (its trainees' records); it goes with the role.
  const cachedClasses = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('hongtu-trainer')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const keys = db.transaction('classes').objectStore('classes').getAllKeys()
            keys.onsuccess = () => {
              db.close()
              resolve(keys.result.map(String))
            }
            keys.onerror = () => reject(keys.error)
          }
        }),
    )
  await expect.poll(cachedClasses).toContain(world.classId)
  await trainers.getByRole('searchbox', { name: '搜索带教老师（姓名或用户名）' }).fill(colleague.name)
  await trainers.getByRole('button', { name: '搜索', exact: true }).click()
  await trainers.getByRole('button', { name: `加入 ${colleague.name}` }).click()
  await trainers.getByRole('button', { name: '设为本班次的带教老师（1 人）' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await trainers.getByRole('button', { name: `把 ${world.trainer.name} 从本班次的带教老师中移出` }).click()
  await expect(trainers.getByRole('alert')).toContainText('移出后你将看不到本班次的看板和学员档案')
  await trainers.getByRole('button', { name: '确认移出' }).click()
  await expect(page).toHaveURL(/\/trainer$/)
  expect(await cachedClasses()).not.toContain(world.classId)

  // The server agrees: the colleague trains the class; the one who stepped down no longer sees it.
  expect((await page.request.get(`/api/classes/${world.classId}`)).status()).toBe(404)
  const takeover = await request.newContext({ baseURL: origin })
  await takeover.post('/api/auth/login', {
    data: { username: colleague.username, password: colleague.password },
  })
  const detail = await takeover.get(`/api/classes/${world.classId}`)
  expect(detail.status()).toBe(200)
  expect(((await detail.json()) as { trainers: { id: string }[] }).trainers.map((t) => t.id)).toEqual([
    colleague.id,
  ])
  await takeover.dispose()
})

test('an admin who trains a class and steps down is asked the ordinary question and keeps seeing the class', async ({
  app,
  page,
  baseURL,
}) => {
  void app
  test.setTimeout(60_000)
  const world = await guideWorld(baseURL as string)
  await logIn(page, { username: 'admin', password: 'hongtu-admin-demo', name: '组织部管理员' })
  await page.goto(`/trainer/classes/${world.classId}`)
  const trainers = page.getByRole('region', { name: '管理班次' }).getByRole('region', { name: '带教老师' })
  const list = trainers.getByRole('list', { name: '本班次的带教老师' })
  await trainers.getByRole('searchbox', { name: '搜索带教老师（姓名或用户名）' }).fill('组织部管理员')
  await trainers.getByRole('button', { name: '搜索', exact: true }).click()
  await trainers.getByRole('button', { name: '加入 组织部管理员' }).click()
  await trainers.getByRole('button', { name: '设为本班次的带教老师（1 人）' }).click()
  await expect(list.getByRole('listitem')).toHaveText([/^带教测试老师/, /^组织部管理员（你）/])

  await trainers.getByRole('button', { name: '把 组织部管理员 从本班次的带教老师中移出' }).click()
  // The question is the one about a colleague: an admin does not lose the class.
  await expect(trainers.getByRole('alert')).toContainText('确定不再让 组织部管理员 担任本班次的带教老师吗？')
  await trainers.getByRole('button', { name: '确认移出' }).click()
  await expect(trainers.getByRole('status')).toHaveText('组织部管理员 已不再是本班次的带教老师。')
  await expect(page).toHaveURL(new RegExp(`/trainer/classes/${world.classId}$`))
  await expect(list.getByRole('listitem')).toHaveText([/^带教测试老师/])
})
