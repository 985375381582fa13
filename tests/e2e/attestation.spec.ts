import type { Browser, Page } from '@playwright/test'
import { logIn } from './account.ts'
import {
  DEMO_CLASS,
  freshClassMember,
  shownLink,
  storedAttestations,
  TRAINER1,
  TrainerApi,
} from './attest-driver.ts'
import { seriousViolations } from './axe.ts'
import { AppDriver, expect, test } from './fixtures.ts'
import { addToClass, freshMemberWithId } from './trainer-driver.ts'

/**
 * The trainer's rotating presence code, as trainer and member meet it on two phones (two
 * browser contexts). The trainer opens the code screen once online (the class key is then on
 * the device) and it keeps working offline; the member downloads the class, goes offline,
 * and opens the code as a phone camera would (`/a/<token>`) or reads a picture of it in the
 * scanner. Expired, tampered and other-class codes are refused with what to do; back online,
 * the record syncs and the server agrees (no flags), as the trainer's records endpoint shows.
 */

const refusal = (page: Page) => page.getByRole('alert')

async function trainerPhone(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await logIn(page, TRAINER1)
  return { context, page, app: new AppDriver(page) }
}

test('a member offline confirms presence with the trainer code; bad codes are refused; the server agrees', async ({
  page,
  context,
  app,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const origin = baseURL as string
  const member = await freshClassMember(origin, '扫码学员')
  const api = await TrainerApi.open(origin)
  const trainer = await trainerPhone(browser, origin)
  try {
    // The trainer opens the code screen once online: the key comes down and is kept.
    await trainer.page.goto(`/trainer/classes/${DEMO_CLASS}/attest`)
    await expect(trainer.page.getByRole('heading', { level: 1 })).toHaveText('到场确认码')
    await expect(trainer.page.getByText('签名密钥已下载到本机，断网也能显示到场确认码。')).toBeVisible()
    await trainer.page.getByLabel('所在站点或现场教学').selectOption('site:zaoyuan')
    await expect(trainer.page.getByRole('img', { name: /到场确认码：枣园革命旧址/ })).toBeVisible()
    await expect(trainer.page.getByText(/\d+ 秒后更新/)).toBeVisible()
    expect(await seriousViolations(trainer.page)).toEqual([])

    // …and it works offline from then on, after a reload too.
    await trainer.app.waitForOfflineReady()
    await trainer.context.setOffline(true)
    await trainer.page.reload()
    await expect(trainer.page.getByText('签名密钥已下载到本机，断网也能显示到场确认码。')).toBeVisible()
    await trainer.page.getByLabel('所在站点或现场教学').selectOption('site:zaoyuan')
    const link = await shownLink(trainer.page)
    expect(link).toMatch(new RegExp(`^${origin}/a/HA1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}$`))

    // The member finds the class and downloads it for the trip.
    await logIn(page, member)
    await page.getByRole('link', { name: '我的班次' }).click()
    await expect(app.heading()).toHaveText('我的班次')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('link', { name: '延安精神现场教学班（演示）' }).click()
    await expect(page.getByText('张老师')).toBeVisible()
    await page.getByRole('button', { name: '下载本班离线资料' }).click()
    await expect(page.getByTestId('class-offline')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    await expect(page.getByText('本班离线资料已下载，可以离线使用。')).toBeVisible()
    await expect(page.getByTestId('class-offline')).toContainText(
      /已下载（\d+月\d+日 \d{2}:\d{2}），验证密钥/,
    )
    expect(await seriousViolations(page)).toEqual([])

    // Offline, the member opens the trainer's code as the phone's camera would.
    await app.waitForOfflineReady()
    await context.setOffline(true)
    await page.goto(new URL(link).pathname)
    await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在“枣园革命旧址”')
    await expect(page.getByTestId('attest-confirmed')).toContainText('班次：延安精神现场教学班（演示）')
    expect(await seriousViolations(page)).toEqual([])
    const saved = await storedAttestations(page)
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({
      classId: DEMO_CLASS,
      payload: {
        classId: DEMO_CLASS,
        siteId: 'zaoyuan',
        method: 'link',
        token: new URL(link).pathname.slice(3),
      },
    })

    // The same code again: already saved, nothing new.
    await page.goto(new URL(link).pathname)
    await expect(page.getByTestId('attest-confirmed')).toContainText('你已确认过到场')
    // The app's date format (month, day, hours and minutes), not the browser's default with seconds.
    await expect(page.getByTestId('attest-confirmed')).toContainText(/已于 \d+月\d+日 \d{2}:\d{2} 保存/)
    expect(await storedAttestations(page)).toHaveLength(1)

    // An old code (5 steps ago), a tampered one and another class's are refused, and say why.
    await page.goto(`/a/${await api.code(DEMO_CLASS, {}, Date.now() - 5 * 30_000)}`)
    await expect(refusal(page)).toContainText('二维码已过期')
    await expect(refusal(page)).toContainText('请扫描带教老师手机上当前显示的二维码')
    expect(await seriousViolations(page)).toEqual([])

    const good = await api.code(DEMO_CLASS)
    const i = good.length - 20
    await page.goto(`/a/${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`)
    await expect(refusal(page)).toContainText('二维码无效或已被篡改')

    const otherClass = await api.newClass()
    await page.goto(`/a/${await api.code(otherClass)}`)
    await expect(refusal(page)).toContainText('这个二维码不属于你参加的班次')
    expect(await storedAttestations(page)).toHaveLength(1)

    // The member's class page lists the confirmation, offline.
    await page.goto(`/classes/${DEMO_CLASS}`)
    await expect(page.getByTestId('my-attestations')).toHaveText(/^枣园革命旧址：\d+月\d+日 \d{2}:\d{2}$/)
    // And the passport counts the stop as reached, saying how.
    await page.goto('/passport')
    const yanan = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: /延安/ }) })
      .first()
    await expect(yanan).toContainText(/已到 1\/\d+ 站/)
    await expect(yanan.getByRole('listitem').filter({ hasText: '枣园革命旧址' })).toContainText(
      /✓ \d{4}年\d+月\d+日 · 带教老师确认到场/,
    )

    // Back online: the record syncs and the server finds nothing wrong with it.
    await context.setOffline(false)
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 20_000 })
    const onServer = (await api.classRecords(DEMO_CLASS)).find((r) => r.record.id === saved[0]?.id)
    expect(onServer).toMatchObject({ flags: [], record: { kind: 'attestation' } })
  } finally {
    await trainer.context.close()
    await api.dispose()
  }
})

test('a VR-center class with the oath hall only: the code names the oath renewal, and the confirmation syncs without flags', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000)
  const origin = baseURL as string
  const api = await TrainerApi.open(origin)
  const classId = await api.newClass({ name: 'VR中心誓词班', routeId: null, sceneIds: ['oath-hall'] })
  const member = await freshMemberWithId(origin)
  await addToClass(origin, classId, [member.id])
  const trainer = await trainerPhone(browser, origin)
  try {
    // The class has no stops: before, the screen had no place to offer at all.
    await trainer.page.goto(`/trainer/classes/${classId}/attest`)
    await expect(trainer.page.getByLabel('所在站点或现场教学').getByRole('option')).toHaveText([
      '重温入党誓词',
    ])
    await expect(trainer.page.getByRole('img', { name: /到场确认码：重温入党誓词/ })).toBeVisible()
    const link = await shownLink(trainer.page)

    await logIn(page, member)
    await page.goto(new URL(link).pathname)
    await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在“重温入党誓词”')
    const saved = await storedAttestations(page)
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ classId, payload: { classId, lessonId: 'oath-renewal' } })
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 20_000 })
    const onServer = (await api.classRecords(classId)).find((r) => r.record.id === saved[0]?.id)
    expect(onServer).toMatchObject({ flags: [], record: { kind: 'attestation' } })
  } finally {
    await trainer.context.close()
    await api.dispose()
  }
})

test("a picture of the trainer's screen read by the in-app scanner confirms presence too", async ({
  page,
  app,
  browser,
  baseURL,
}) => {
  const origin = baseURL as string
  const member = await freshClassMember(origin, '相册学员')
  const trainer = await trainerPhone(browser, origin)
  try {
    await trainer.page.goto(`/trainer/classes/${DEMO_CLASS}/attest`)
    await trainer.page.getByLabel('所在站点或现场教学').selectOption('lesson:zaoyuan-lesson')
    const picture = await trainer.page.getByTestId('attest-code').locator('svg').screenshot()

    await logIn(page, member)
    await page.goto('/scan')
    await expect(app.heading()).toHaveText('扫码打卡')
    await page
      .getByLabel('从相册选择二维码图片')
      .setInputFiles({ name: 'trainer.png', mimeType: 'image/png', buffer: picture })
    await expect(page).toHaveURL(/\/a\/HA1\.[^?]+\?via=scan$/)
    await expect(page.getByTestId('attest-confirmed')).toContainText(
      '带教老师已确认你在“枣园后沟的讲话：为人民服务”',
    )
    expect((await storedAttestations(page))[0]?.payload).toMatchObject({
      lessonId: 'zaoyuan-lesson',
      method: 'scan',
    })
  } finally {
    await trainer.context.close()
  }
})

test('on one phone, a code another member already used is refused', async ({ page, baseURL }) => {
  const origin = baseURL as string
  const first = await freshClassMember(origin, '第一位学员')
  const second = await freshClassMember(origin, '第二位学员')
  const api = await TrainerApi.open(origin)
  try {
    const code = await api.code(DEMO_CLASS)
    await logIn(page, first)
    await page.goto(`/a/${code}`)
    await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在')
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 20_000 })

    await page.goto('/login')
    await page.getByRole('button', { name: '退出登录' }).click()
    await expect(
      page.getByText('已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。'),
    ).toBeVisible()
    await logIn(page, second)
    await page.goto(`/a/${code}`)
    await expect(refusal(page)).toContainText('这个二维码已在本机为另一位学员确认过')
    expect((await storedAttestations(page)).filter((r) => r.payload.token === code)).toHaveLength(0)
  } finally {
    await api.dispose()
  }
})

test("a phone whose clock is 10 minutes fast (its last sync said so) judges codes by the server's time", async ({
  page,
  context,
  app,
  baseURL,
}) => {
  const origin = baseURL as string
  const member = await freshClassMember(origin, '时钟学员')
  const api = await TrainerApi.open(origin)
  try {
    await logIn(page, member)
    await page.goto(`/classes/${DEMO_CLASS}`)
    await page.getByRole('button', { name: '下载本班离线资料' }).click()
    await expect(page.getByTestId('class-offline')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    // Offline from here, so no sync answer replaces the offset the last one left: the server's
    // clock is 10 minutes behind this phone's (serverTime − deviceTime = −10 min).
    await app.waitForOfflineReady()
    await context.setOffline(true)
    await page.evaluate(
      (offset) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hongtu')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite')
            tx.objectStore('meta').put(offset, 'clockOffsetMs')
            tx.oncomplete = () => {
              open.result.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      -10 * 60_000,
    )
    // The trainer's code now, by the server's (and the trainer's) clock: 10 minutes before this
    // phone's. Judged by the phone's own clock it would be 10 minutes old and refused.
    const onTime = await api.code(DEMO_CLASS, {}, Date.now() - 10 * 60_000)
    await page.goto(`/a/${onTime}`)
    await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在')
    // A code of this phone's "now" is 10 minutes ahead of the server: refused, with what to do.
    const ahead = await api.code(DEMO_CLASS, { at: { site: 'yangjialing' } })
    await page.goto(`/a/${ahead}`)
    await expect(refusal(page)).toContainText('二维码的时间与本机时间不符')
  } finally {
    await api.dispose()
  }
})

test('the code screen tells a member that only trainers show codes, and the link screen asks to log in', async ({
  page,
  baseURL,
}) => {
  await page.goto(`/a/HA1.abc.def`)
  await expect(refusal(page)).toContainText('请先登录你的红途账号')
  const member = await freshClassMember(baseURL as string)
  // Logging in from here leads back to the code, not to the passport.
  await page.getByRole('link', { name: '登录' }).last().click()
  await page.getByLabel('用户名（党员编号）').fill(member.username)
  await page.getByLabel('密码').fill(member.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('link', { name: '继续' }).click()
  await expect(page).toHaveURL(/\/a\/HA1\.abc\.def$/)
  await expect(refusal(page)).not.toContainText('请先登录你的红途账号')
  await page.goto(`/trainer/classes/${DEMO_CLASS}/attest`)
  await expect(refusal(page)).toContainText('只有本班的带教老师可以显示到场确认码。')
  await expect(page.getByTestId('attest-code')).toHaveCount(0)
  // No instructions for showing a code that is not there.
  await expect(page.getByText(/^学员用红途或手机相机扫描此码/)).toHaveCount(0)
})

test("the trainer's code changes at every 30-second step, with a countdown", async ({ browser, baseURL }) => {
  const trainer = await trainerPhone(browser, baseURL as string)
  try {
    // The trainer's phone clock, stopped 6 s into a step once the screen is up.
    const boundary = (Math.floor(Date.now() / 30_000) + 1) * 30_000
    await trainer.page.clock.install({ time: boundary + 1000 })
    await trainer.page.setViewportSize({ width: 390, height: 844 })
    await trainer.page.goto(`/trainer/classes/${DEMO_CLASS}/attest`)
    await expect(trainer.page.getByTestId('attest-code')).toBeVisible()
    // Whole on the phone's screen, ready to show, without scrolling to it.
    await expect(trainer.page.getByTestId('attest-code').locator('svg')).toBeInViewport({ ratio: 1 })
    await trainer.page.clock.pauseAt(boundary + 6000)
    await expect(trainer.page.getByText('24 秒后更新')).toBeVisible()
    const first = await shownLink(trainer.page)
    await trainer.page.clock.runFor(14_100)
    await expect(trainer.page.getByText('10 秒后更新')).toBeVisible()
    expect(await shownLink(trainer.page)).toBe(first)
    // Just past the step boundary: a new code, and the countdown starts again.
    await trainer.page.clock.runFor(10_000)
    await expect(trainer.page.getByText('30 秒后更新')).toBeVisible()
    await expect.poll(() => shownLink(trainer.page)).not.toBe(first)
  } finally {
    await trainer.context.close()
  }
})

/** How many signing keys the device holds (the class store's `signing`), as the app left them. */
const signingKeysOnDevice = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('hongtu-classes')
        open.onerror = () => resolve(0)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('signing')) return resolve(0)
          const count = db.transaction('signing').objectStore('signing').count()
          count.onsuccess = () => resolve(count.result)
          count.onerror = () => resolve(0)
        }
      }),
  )

test('opening the class dashboard online is enough to show the code offline, and the code keeps the trainer’s chosen stop', async ({
  browser,
  baseURL,
}) => {
  const trainer = await trainerPhone(browser, baseURL as string)
  try {
    // A usual day: the trainer opens the class dashboard, never the code screen, while online.
    await trainer.page.goto(`/trainer/classes/${DEMO_CLASS}`)
    await expect(trainer.page.getByRole('link', { name: '出示到场确认码' })).toBeVisible()
    await expect.poll(() => signingKeysOnDevice(trainer.page)).toBe(1)
    await trainer.app.waitForOfflineReady()

    // In the field, offline: the code shows.
    await trainer.context.setOffline(true)
    await trainer.page.getByRole('link', { name: '出示到场确认码' }).click()
    await expect(trainer.page.getByText('签名密钥已下载到本机，断网也能显示到场确认码。')).toBeVisible()
    const place = trainer.page.getByLabel('所在站点或现场教学')
    await expect(place).toHaveValue('site:yanan-geming-jinianguan')
    await place.selectOption('site:zaoyuan')
    await expect(trainer.page.getByRole('img', { name: /到场确认码：枣园革命旧址/ })).toBeVisible()

    // Back to the class to see who scanned, then the code again: still 枣园, after a reload too.
    await trainer.page.getByRole('link', { name: '返回班次' }).click()
    await trainer.page.getByRole('link', { name: '出示到场确认码' }).click()
    await expect(place).toHaveValue('site:zaoyuan')
    await trainer.page.reload()
    await expect(place).toHaveValue('site:zaoyuan')
    await expect(trainer.page.getByRole('img', { name: /到场确认码：枣园革命旧址/ })).toBeVisible()
    await trainer.context.setOffline(false)
  } finally {
    await trainer.context.close()
  }
})
