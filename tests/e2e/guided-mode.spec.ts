import { seriousViolations } from './axe.ts'
import { checkInAt } from './checkin-driver.ts'
import { expect, test } from './fixtures.ts'
import { banner, deviceFor, guideWorld, LeadDriver } from './guide-driver.ts'

/**
 * Guided mode with two devices: the trainer's tablet (the lead screen) and a member's phone,
 * in two browser contexts against the real server. Each test has a class of its own.
 */
const LESSON = '枣园后沟的讲话：为人民服务'

test('the trainer starts a lesson: the member follows within 2 s, and the trainer sees it', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const phone = await deviceFor(browser, baseURL as string, world.member)
  await phone.goto('/')
  await tablet.open()
  await tablet.waitConnected(world.member.id)

  await tablet.press('开始学习', LESSON)
  await expect(phone).toHaveURL(/\/lessons\/zaoyuan-lesson$/, { timeout: 2000 })
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(LESSON, { timeout: 2000 })
  await expect(banner(phone)).toContainText(`带教老师：开始学习《${LESSON}》`)
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'true')
  await expect(tablet.page.getByTestId('lead-followed')).toHaveText('已跟随 1 / 1 人')

  // "Show the quiz" moves the open lesson to its quiz part.
  await phone.getByRole('button', { name: '远程学习' }).click()
  await tablet.press('做测验', LESSON)
  await expect(phone.getByRole('heading', { name: '测验', level: 2 })).toBeVisible({ timeout: 2000 })
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'true')
})

test('a member whose phone was offline is told where the class is as soon as it is back', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const phone = await deviceFor(browser, baseURL as string, world.member)
  await phone.goto('/')
  await tablet.open()
  await tablet.waitConnected(world.member.id)

  await phone.context().setOffline(true)
  await expect(tablet.person(world.member.id).locator('[data-connected]')).toHaveAttribute(
    'data-connected',
    'false',
  )
  await tablet.press('第 4 站 枣园革命旧址')
  await expect(tablet.page.getByTestId('lead-current')).toHaveText('当前指令：到枣园革命旧址集合')
  await expect(tablet.page.getByTestId('lead-feedback')).toHaveText('已发出：到枣园革命旧址集合')
  await expect(phone).toHaveURL(/\/$/)
  await phone.context().setOffline(false)
  await expect(phone).toHaveURL(/\/sites\/zaoyuan$/)
  await expect(banner(phone)).toContainText('带教老师：请到第 4 站 枣园革命旧址集合')
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'true')
})

test('a member typing a reflection is not swept away: the banner waits for them', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const phone = await deviceFor(browser, baseURL as string, world.member)
  await phone.goto('/lessons/zaoyuan-lesson?view=reflection')
  await phone.getByRole('button', { name: '远程学习' }).click()
  const text = phone.getByLabel('我的心得体会')
  await text.fill('张思德同志的精神，我打算在')
  await tablet.open()
  await tablet.waitConnected(world.member.id)

  await tablet.press('第 4 站 枣园革命旧址')
  await expect(banner(phone)).toContainText('带教老师：请到第 4 站 枣园革命旧址集合')
  await expect(banner(phone)).toContainText('草稿会自动保存')
  await expect(phone).toHaveURL(/\/lessons\/zaoyuan-lesson/)
  await expect(text).toHaveValue('张思德同志的精神，我打算在')
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'false')

  await banner(phone).getByRole('button', { name: '查看这一站' }).click()
  await expect(phone).toHaveURL(/\/sites\/zaoyuan$/)
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'true')
})

test("a member's check-in reaches the trainer's screen live", async ({ browser, baseURL }) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const phone = await deviceFor(browser, baseURL as string, world.member)
  await tablet.open()
  await tablet.page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __changed: string[] }).__changed = seen
    window.addEventListener('hongtu:class-records-changed', (e) =>
      seen.push((e as CustomEvent<{ classId: string }>).detail.classId),
    )
  })
  await checkInAt(phone, phone.context(), 'zaoyuan')
  await expect
    .poll(() => tablet.page.evaluate(() => (window as unknown as { __changed: string[] }).__changed))
    .toContain(world.classId)
  await expect(tablet.page.getByTestId('lead-records')).toContainText('学员记录有更新')
})

test('VR: the trainer opens a scene, points at a hotspot, pauses, and leads the oath', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const headset = await deviceFor(browser, baseURL as string, world.member)
  await headset.goto('/vr')
  await tablet.open()
  await tablet.waitConnected(world.member.id)

  await tablet.press('进入《重温入党誓词》')
  await expect(headset).toHaveURL(/\/vr\/oath-hall$/, { timeout: 2000 })
  await expect(headset.getByRole('heading', { level: 1 })).toHaveText('重温入党誓词')
  await expect(tablet.followed(world.member.id)).toHaveAttribute('data-followed', 'true')

  // Pointing at a hotspot highlights it; nobody's view is turned (comfort).
  await tablet.press('请看：党旗')
  await expect(headset.getByText('老师请大家看：党旗')).toBeVisible({ timeout: 2000 })

  await tablet.press('暂停')
  await expect(headset.getByText('老师已暂停课程')).toBeVisible({ timeout: 2000 })
  await tablet.press('继续')
  await expect(headset.getByText('老师已暂停课程')).toHaveCount(0)

  await tablet.press('领誓：开始重温入党誓词', '重温入党誓词')
  // While the trainer leads, the member's own "next line" is gone.
  await expect(headset.getByRole('button', { name: '下一句' })).toHaveCount(0)
  for (let line = 1; line < 12; line++) await tablet.press(`下一句（已到第 ${line} / 12 句）`)
  await headset.getByRole('button', { name: '宣誓完毕' }).click()
  await expect(headset.getByText('已保存：重温入党誓词记入学习记录。')).toBeVisible()
})

test('VR: a member who opens a scene after the trainer ended the session is free in it', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  await tablet.open()
  await tablet.page.getByRole('button', { name: '结束本次带教' }).click()
  await tablet.press('确定结束')

  // A headset that opens a scene later hears the class's state, the end among it, as a replay.
  const headset = await deviceFor(browser, baseURL as string, world.member)
  await headset.goto('/vr/yanan-yaodong')
  await tablet.waitConnected(world.member.id)
  await expect(headset.getByRole('heading', { level: 1 })).toHaveText('延安窑洞 · 枣园')
  await headset.getByRole('button', { name: '书桌与油灯' }).click()
  await expect(headset.getByTestId('vr-narration')).toContainText('论联合政府')
  await expect(headset.getByText('老师已结束本次带教')).toHaveCount(0)
})

test('VR: after the end a headset carries on alone, and follows the trainer when they lead again', async ({
  browser,
  baseURL,
}) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const headset = await deviceFor(browser, baseURL as string, world.member)
  await headset.goto('/vr/yanan-yaodong')
  await tablet.open()
  await tablet.waitConnected(world.member.id)

  // Ending is asked twice: "keep leading" sends nothing.
  await tablet.page.getByRole('button', { name: '结束本次带教' }).click()
  await tablet.page.getByRole('button', { name: '继续带教' }).click()
  await expect(tablet.page.getByTestId('lead-feedback')).toBeEmpty()
  await tablet.page.getByRole('button', { name: '结束本次带教' }).click()
  await tablet.press('确定结束')
  await expect(headset.getByText('老师已结束本次带教，你可以继续自由学习。')).toBeVisible({ timeout: 2000 })
  await headset.getByRole('button', { name: '书桌与油灯' }).click()
  await expect(headset.getByTestId('vr-narration')).toContainText('论联合政府')

  await tablet.press('暂停')
  await expect(headset.getByText('老师已暂停课程')).toBeVisible({ timeout: 2000 })
})

test('the lead screen and the banner pass axe', async ({ browser, baseURL }) => {
  const world = await guideWorld(baseURL as string)
  const tablet = new LeadDriver(await deviceFor(browser, baseURL as string, world.trainer), world.classId)
  const phone = await deviceFor(browser, baseURL as string, world.member)
  await phone.goto('/')
  await tablet.open()
  await tablet.waitConnected(world.member.id)
  await tablet.press('第 1 站 延安革命纪念馆')
  await expect(banner(phone)).toBeVisible()
  for (const page of [tablet.page, phone]) {
    expect(await seriousViolations(page)).toEqual([])
  }
  // A tablet's screen: who follows is beside the commands, not below dozens of buttons.
  await tablet.page.setViewportSize({ width: 1024, height: 768 })
  await tablet.page.evaluate(() => window.scrollTo(0, 0))
  await expect(tablet.page.getByTestId('lead-people')).toBeInViewport()
  expect(await seriousViolations(tablet.page)).toEqual([])
})

test('offline, the lead screen says that leading needs the network, and why', async ({
  browser,
  baseURL,
}) => {
  // Two logins, a service worker installing its whole precache, and an offline reload.
  test.slow()
  const world = await guideWorld(baseURL as string)
  const tablet = await deviceFor(browser, baseURL as string, world.trainer, { installForOffline: true })
  await tablet.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.ready
      return !!reg.active && !!navigator.serviceWorker.controller
    },
    undefined,
    { timeout: 60_000 },
  )
  await tablet.context().setOffline(true)
  await tablet.goto(`/trainer/classes/${world.classId}/lead`)
  await expect(tablet.getByText('没能读取班次信息，请检查网络后重试。')).toBeVisible()
  await expect(tablet.getByText(/^带领全班需要联网/)).toBeVisible()
  await tablet.context().setOffline(false)
  await tablet.getByRole('button', { name: '重试' }).click()
  await expect(tablet.getByText(/^带领全班需要联网/)).toHaveCount(0)
})
