import type { BrowserContext, Page } from '@playwright/test'
import { freshMember, logIn, serverRecords } from './account.ts'
import { northOf, site } from './content.ts'
import { type AppDriver, expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { readStore } from './idb.ts'

/**
 * Sync end to end against the real server with a fresh database: records made offline reach
 * the server exactly once when the network returns; a captive portal and a 503 keep them; a
 * shared device never uploads one member's records under another, and logging out takes the
 * member's data off the device.
 */

async function checkIn(page: Page, siteId: string) {
  await page.goto(`/sites/${siteId}/checkin`)
  await page.getByRole('button', { name: '定位打卡' }).click()
  await page.getByRole('button', { name: '确认打卡' }).click()
  await expect(page.getByText(/^已保存：/)).toBeVisible()
}

/** A fresh member, offline, one check-in made, on the passport with the logout question open. */
async function offlineWithOneCheckInAskingToLogOut(
  app: AppDriver,
  page: Page,
  context: BrowserContext,
  baseURL: string,
  name?: string,
) {
  await logIn(page, await freshMember(baseURL, name))
  await app.waitForOfflineReady()
  await context.setOffline(true)
  await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
  await checkIn(page, 'zaoyuan')
  await page.goto('/passport')
  await page.getByRole('button', { name: '退出登录' }).click()
}

test.describe('sync', () => {
  test.use({ permissions: ['geolocation'] })

  test('records made offline reach the server once when back online; the passport says synced', async ({
    app,
    page,
    context,
    baseURL,
  }) => {
    await logIn(page, await freshMember(baseURL ?? ''))
    await app.waitForOfflineReady()
    await context.setOffline(true)
    for (const id of ['zaoyuan', 'yangjialing']) {
      await context.setGeolocation({ ...northOf(site(id).location, 10), accuracy: 10 })
      await checkIn(page, id)
    }
    await expect(page.getByTestId('pending-badge')).toHaveText('2 条待同步')
    expect(await readStore(page, 'outbox')).toHaveLength(2)

    // A slow network: the badge says a sync is running while it does.
    await page.route('**/api/sync/push', async (route) => {
      await new Promise((r) => setTimeout(r, 1500))
      await route.continue()
    })
    await context.setOffline(false)
    await expect(page.getByTestId('pending-badge')).toHaveText('正在同步：剩 2 条')
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 15_000 })
    expect(await readStore(page, 'outbox')).toHaveLength(0)
    const onServer = await serverRecords(page)
    expect(onServer.map((r) => r.kind)).toEqual(['checkin', 'checkin'])
    expect(new Set(onServer.map((r) => r.id)).size).toBe(2)
    const local = await readStore<{ id: string }>(page, 'records')
    expect(onServer.map((r) => r.id).sort()).toEqual(local.map((r) => r.id).sort())

    await page.getByRole('link', { name: '红色足迹' }).click()
    await expect(page.getByTestId('pending-count')).toHaveText('没有等待同步的记录')
    await expect(page.getByTestId('last-sync')).not.toContainText('尚未同步')
  })

  test('a captive portal’s 200 HTML page and a 503 keep the records; they go once the server answers', async ({
    page,
    context,
    baseURL,
  }) => {
    await logIn(page, await freshMember(baseURL ?? ''))
    let mode: 'portal' | '503' | 'real' = 'portal'
    await page.route('**/api/sync/push', (route) => {
      if (mode === 'portal')
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<html>请先登录 Wi-Fi</html>' })
      if (mode === '503')
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":{"code":"unavailable"}}',
        })
      return route.continue()
    })
    await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
    await checkIn(page, 'zaoyuan')
    await expect(page.getByTestId('pending-badge')).toHaveText('1 条待同步')
    await page.waitForTimeout(1500)
    expect(await readStore(page, 'outbox')).toHaveLength(1)

    mode = '503'
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await page.waitForTimeout(1500)
    expect(await readStore(page, 'outbox')).toHaveLength(1)
    expect(await serverRecords(page)).toHaveLength(0)

    mode = 'real'
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 15_000 })
    expect(await serverRecords(page)).toHaveLength(1)
  })

  test('a shared device: logging out with unsynced records asks first; the next member sees nothing of them', async ({
    app,
    page,
    context,
    baseURL,
  }) => {
    const second = await freshMember(baseURL ?? '', '第二位学员')
    await offlineWithOneCheckInAskingToLogOut(app, page, context, baseURL ?? '', '第一位学员')
    await expect(page.getByRole('alertdialog')).toContainText('还有 1 条记录没有同步到服务器')
    // Back online, the records sync by themselves; then nothing stands in the way of logging out.
    await context.setOffline(false)
    await expect(page.getByTestId('pending-count')).toHaveText('没有等待同步的记录', { timeout: 15_000 })
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await page.getByRole('button', { name: '退出登录' }).click()
    await expect(
      page.getByText('已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。'),
    ).toBeVisible()
    expect(await readStore(page, 'records')).toHaveLength(0)
    // The device's last sync was the member's who left: not shown as anyone's now.
    await expect(page.getByTestId('last-sync')).toContainText('尚未登录')

    await logIn(page, second)
    await page.goto('/passport')
    await expect(page.getByText(/已到 0\/\d+ 站/).first()).toBeVisible()
    expect(await serverRecords(page)).toHaveLength(0)
  })

  test('two tabs: a logout and another member’s login in one are followed by the other, whose next check-in is the new member’s', async ({
    page,
    context,
    baseURL,
  }) => {
    const first = await freshMember(baseURL ?? '', '甲学员')
    const second = await freshMember(baseURL ?? '', '乙学员')
    await logIn(page, first)
    await page.goto('/passport')
    await expect(page.getByText(`已登录：${first.name}（${first.username}）`)).toBeVisible()

    // The same phone, another tab: the first member logs out there and the second logs in.
    const other = await context.newPage()
    await other.goto('/passport')
    await other.getByRole('button', { name: '退出登录' }).click()
    await expect(other.getByText(/^已退出登录/)).toBeVisible()
    await logIn(other, second)

    // The first tab, untouched, follows: it said the first member and saved (and sent, with the
    // second member's cookie) check-ins as theirs, which the server refused and parked for ever.
    await expect(page.getByText(`已登录：${second.name}（${second.username}）`)).toBeVisible()
    await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
    await checkIn(page, 'zaoyuan')
    await page.goto('/passport')
    await expect(page.getByTestId('pending-count')).toHaveText('没有等待同步的记录', { timeout: 15_000 })
    expect((await serverRecords(other)).map((r) => r.kind)).toEqual(['checkin'])
  })

  test('offline, the passport says why records wait; "sync, then log out" logs out once they are sent', async ({
    app,
    page,
    context,
    baseURL,
  }) => {
    const member = await freshMember(baseURL ?? '')
    await logIn(page, member)
    await app.waitForOfflineReady()
    await context.setOffline(true)
    await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
    await checkIn(page, 'zaoyuan')
    // The badge leads to the passport's data section, far down on a phone: the reason is on
    // screen at once, and focus is there with it.
    await page.getByTestId('pending-badge').click()
    await expect(page).toHaveURL(/\/passport#passport-data$/)
    const problem = page.getByTestId('sync-problem')
    await expect(problem).toHaveText('现在没有网络。记录已安全保存在本机，联网后会自动同步。')
    await expect(problem).toBeInViewport()
    await expect(page.getByRole('heading', { name: '数据状态', level: 2 })).toBeFocused()
    await expect(page.getByText('最早的未同步记录：刚刚')).toBeVisible()
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect(problem).toBeVisible()

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('button', { name: '先同步，再退出' }).click()
    await expect(page.getByRole('alertdialog').getByTestId('sync-problem')).toContainText('现在没有网络')
    // Said, so that a member does not leave the page thinking it is done.
    await expect(page.getByRole('alertdialog')).toContainText('记录发送完后会自动退出登录。请留在这个页面')
    await context.setOffline(false)
    await expect(
      page.getByText('已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。'),
    ).toBeVisible({ timeout: 15_000 })
    // It logged out only after the server had the record.
    await logIn(page, member)
    expect((await serverRecords(page)).map((r) => r.kind)).toEqual(['checkin'])
  })

  test('an expired login: the member logs in again on the same screen and the waiting records go, once', async ({
    page,
    context,
    baseURL,
  }) => {
    const member = await freshMember(baseURL ?? '')
    await logIn(page, member)
    // The session ends on the server's side (expired, or ended from another device).
    await context.clearCookies()
    await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
    await checkIn(page, 'zaoyuan')
    await page.getByRole('link', { name: '需要重新登录' }).click()
    // Whose account, not "logged in", beside "expired".
    await expect(page.getByText(/^登录已过期，记录暂停同步（不会丢失）。请重新登录。 账号：/)).toBeVisible()
    // Logging out cannot sync now: it says so instead of offering a button that does nothing.
    await page.getByRole('button', { name: '退出登录' }).click()
    const ask = page.getByRole('alertdialog')
    await expect(ask).toContainText('登录已过期，现在无法同步。请先在上面重新登录')
    await expect(ask.getByRole('button', { name: '先同步，再退出' })).toHaveCount(0)
    await ask.getByRole('button', { name: '取消' }).click()

    // The same member, the password only.
    await expect(page.getByLabel('用户名（党员编号）')).toHaveValue(member.username)
    await expect(page.getByLabel('用户名（党员编号）')).not.toBeEditable()
    await page.getByLabel('密码').fill(member.password)
    await page.getByRole('button', { name: '重新登录' }).click()
    await expect(page.getByText('已重新登录，记录继续同步。')).toBeVisible()
    await expect(page.getByText(`已登录：${member.name}（${member.username}）`)).toBeVisible()
    await expect(page.getByTestId('pending-badge')).toHaveCount(0, { timeout: 15_000 })
    expect((await serverRecords(page)).map((r) => r.kind)).toEqual(['checkin'])
  })

  test('records made before logging in are added to the account only if the member says so', async ({
    page,
    context,
    baseURL,
  }) => {
    const member = await freshMember(baseURL ?? '')
    await context.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
    await checkIn(page, 'zaoyuan')
    await page.goto('/login')
    await page.getByLabel('用户名（党员编号）').fill(member.username)
    await page.getByLabel('密码').fill(member.password)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(
      page.getByText('这台设备上有 1 条登录前记下的记录（打卡、学习）。它们是你的吗？'),
    ).toBeVisible()
    await page.getByRole('button', { name: '是，归入我的账号' }).click()
    await expect(page.getByText('已将 1 条记录归入你的账号，正在同步。')).toBeVisible()
    await expect.poll(async () => (await serverRecords(page)).length, { timeout: 15_000 }).toBe(1)
  })

  test('a wrong password gets the same clear answer as an unknown user', async ({ page }) => {
    for (const username of ['member1', 'no-such-user']) {
      await page.goto('/login')
      await page.getByLabel('用户名（党员编号）').fill(username)
      await page.getByLabel('密码').fill('wrong-password-123')
      await page.getByRole('button', { name: '登录' }).click()
      await expect(page.getByRole('alert')).toHaveText(
        '用户名或密码不正确。请检查后重试；忘记密码请联系带教老师或管理员。',
      )
    }
  })

  test('a login pressed while the device database is still opening is not lost', async ({
    page,
    baseURL,
  }) => {
    const member = await freshMember(baseURL ?? '')
    // A slow phone: the record log's code arrives late, so the database opens late.
    await page.route('**/assets/record-log-*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 2500))
      await route.continue()
    })
    await page.goto('/login')
    await page.getByLabel('用户名（党员编号）').fill(member.username)
    await page.getByLabel('密码').fill(member.password)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page.getByText(`已登录：${member.name}（${member.username}）`)).toBeVisible()
  })

  test('logging out offline with unsynced records takes an explicit "delete N", and leaves nothing behind', async ({
    app,
    page,
    context,
    baseURL,
  }) => {
    await offlineWithOneCheckInAskingToLogOut(app, page, context, baseURL ?? '')
    // The question takes focus; "cancel" gives it back to the button.
    await expect(page.getByText('还有 1 条记录没有同步到服务器', { exact: false })).toBeFocused()
    await page.getByRole('button', { name: '取消' }).click()
    await expect(page.getByRole('button', { name: '退出登录' })).toBeFocused()
    expect(await readStore(page, 'outbox')).toHaveLength(1)
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('button', { name: '删除这 1 条记录并退出' }).click()
    await expect(
      // Offline: logged out here; the server's part is said to follow.
      page.getByText(
        '已在这台设备上退出登录，没有同步的 1 条记录已删除。已同步的记录保存在服务器上，再次登录即可找回。现在连不上服务器，服务器上的退出会在联网后自动完成。',
      ),
    ).toBeVisible()
    expect(await readStore(page, 'records')).toHaveLength(0)
    expect(await readStore(page, 'outbox')).toHaveLength(0)
    expect(await readStore(page, 'drafts')).toHaveLength(0)
    await context.setOffline(false)
  })

  test('"delete N" deletes no record the screen had not counted yet: it asks again with the new number', async ({
    app,
    page,
    context,
    baseURL,
  }) => {
    await offlineWithOneCheckInAskingToLogOut(app, page, context, baseURL ?? '')
    await expect(page.getByRole('button', { name: '删除这 1 条记录并退出' })).toBeVisible()
    // A second record reaches the device database without the screen hearing of it (as while a
    // sync's count is still catching up): written straight into IndexedDB.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('hongtu')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['records', 'outbox'], 'readwrite')
            const first = tx.objectStore('records').getAll()
            first.onsuccess = () => {
              const record = first.result[0] as { id: string; seq: number }
              const id = `${record.id.slice(0, -4)}ffff`
              tx.objectStore('records').put({ ...record, id, seq: record.seq + 1 })
              const entry = tx.objectStore('outbox').get(record.id)
              entry.onsuccess = () => tx.objectStore('outbox').put({ ...entry.result, recordId: id })
            }
            tx.oncomplete = () => {
              db.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
    )
    await page.getByRole('button', { name: '删除这 1 条记录并退出' }).click()
    await expect(page.getByRole('button', { name: '删除这 2 条记录并退出' })).toBeVisible()
    expect(await readStore(page, 'records')).toHaveLength(2)
    await page.getByRole('button', { name: '删除这 2 条记录并退出' }).click()
    await expect(
      page.getByText('已在这台设备上退出登录，没有同步的 2 条记录已删除。', { exact: false }),
    ).toBeVisible()
    expect(await readStore(page, 'outbox')).toHaveLength(0)
    await context.setOffline(false)
  })

  test("a member's two phones: what one sends shows on the other when it is next brought to the front", async ({
    page,
    browser,
    baseURL,
  }) => {
    const member = await freshMember(baseURL ?? '')
    await logIn(page, member)
    await page.goto('/passport')
    await expect(page.getByText(/已到 0\/\d+ 站/).first()).toBeVisible()

    const tablet = await browser.newContext({
      baseURL,
      ...WITHOUT_SERVICE_WORKER,
      permissions: ['geolocation'],
    })
    try {
      const t = await tablet.newPage()
      await logIn(t, member)
      await tablet.setGeolocation({ ...northOf(site('zaoyuan').location, 10), accuracy: 10 })
      await checkIn(t, 'zaoyuan')
      await expect.poll(async () => (await serverRecords(t)).length).toBe(1)
    } finally {
      await tablet.close()
    }

    // The phone is brought to the front: it syncs, then looks at what the other phone sent.
    const pulls: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/sync/pull')) pulls.push(r.url())
    })
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expect(page.getByText(/已到 1\/\d+ 站/).first()).toBeVisible()
    expect(pulls.length).toBeGreaterThan(0)
    // It asks for the other devices' records only: its own are never downloaded again.
    expect(pulls.every((u) => new URL(u).searchParams.has('exceptDevice'))).toBe(true)
  })
})
