import QRCode from 'qrcode'
import { northOf, site } from './content.ts'
import { expect, test } from './fixtures.ts'
import { readStore } from './idb.ts'
import { siteToken } from './qr-driver.ts'

const zaoyuan = site('zaoyuan')

test.describe('GPS check-in', () => {
  test.use({ permissions: ['geolocation'] })

  test('at the site: saved with its outbox entry, coordinates kept coarse', async ({ page, context }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 30), accuracy: 15 })
    await page.goto('/sites/zaoyuan')
    await page.getByRole('link', { name: '打卡', exact: true }).click()
    await page.getByRole('button', { name: '定位打卡' }).click()
    await expect(page.getByText(/你已在枣园革命旧址打卡范围内/)).toBeVisible()
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()
    // The button is gone: focus is on what it did, not back at the top of the page.
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeFocused()
    await expect(page.getByTestId('pending-badge')).toHaveText('1 条待同步（需登录）')

    const records = await readStore<{
      id: string
      kind: string
      payload: { gps: { lat: number; lng: number } }
    }>(page, 'records')
    const outbox = await readStore<{ recordId: string; state: string }>(page, 'outbox')
    expect(records).toHaveLength(1)
    expect(records[0]?.kind).toBe('checkin')
    expect(outbox).toEqual([expect.objectContaining({ recordId: records[0]?.id, state: 'pending' })])
    const { lat, lng } = records[0]!.payload.gps
    expect(Math.round(lat * 1000) / 1000).toBe(lat)
    expect(Math.round(lng * 1000) / 1000).toBe(lng)

    // Checking in again is harmless: the screen says so and adds nothing.
    await page.goto('/sites/zaoyuan/checkin')
    await expect(page.getByText(/你已于 .* 在枣园革命旧址打卡（定位）/)).toBeVisible()
    await expect(page.getByRole('button', { name: '定位打卡' })).toHaveCount(0)
    expect(await readStore(page, 'records')).toHaveLength(1)
  })

  test('a slow write says it is saving, and a second tap meanwhile adds nothing', async ({
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 30), accuracy: 15 })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    const confirm = page.getByRole('button', { name: '确认打卡' })
    await expect(confirm).toBeVisible()
    // Another transaction holds the outbox (as a sync settling a batch would): the check-in's
    // write waits for it. It lasts until the test releases it.
    await page.evaluate(
      () =>
        new Promise<void>((started, failed) => {
          const open = indexedDB.open('hongtu')
          open.onerror = () => failed(open.error)
          open.onsuccess = () => {
            const store = open.result.transaction('outbox', 'readwrite').objectStore('outbox')
            const w = window as unknown as { releaseOutbox?: boolean }
            const keepBusy = () => {
              if (!w.releaseOutbox) store.count().onsuccess = keepBusy
            }
            keepBusy()
            started()
          }
        }),
    )
    await confirm.click()
    await confirm.click({ timeout: 1000 }).catch(() => {})
    await expect(page.getByText('正在保存…')).toBeVisible()
    await page.evaluate(() => {
      ;(window as unknown as { releaseOutbox?: boolean }).releaseOutbox = true
    })
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()
    expect(await readStore(page, 'records')).toHaveLength(1)
    expect(await readStore(page, 'outbox')).toHaveLength(1)
  })

  test('at the very centre: said to be by the centre, not "about 0 m" from it', async ({ page, context }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 2), accuracy: 15 })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    await expect(
      page.getByText('你已在枣园革命旧址打卡范围内（就在中心附近，定位精度 15 米）。'),
    ).toBeVisible()
  })

  test('400 m beyond the radius: refused with the distance still to go', async ({ page, context }) => {
    await context.setGeolocation({
      ...northOf(zaoyuan.location, zaoyuan.checkin.radiusM + 400),
      accuracy: 15,
    })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    await expect(page.getByText('你距离枣园革命旧址的打卡范围还有 400 米。')).toBeVisible()
    await expect(page.getByRole('button', { name: '确认打卡' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: '扫码打卡' })).toBeVisible()
    expect(await readStore(page, 'records')).toHaveLength(0)
  })

  test('walking in from outside: judged again on arrival, whatever the signal did on the way', async ({
    page,
    context,
  }) => {
    await context.setGeolocation({
      ...northOf(zaoyuan.location, zaoyuan.checkin.radiusM + 400),
      accuracy: 15,
    })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    await expect(page.getByText('你距离枣园革命旧址的打卡范围还有 400 米。')).toBeVisible()
    // Chromium reports "position unavailable" to a watch when its emulated position moves, as a
    // phone does when the signal drops for a moment; the watch goes on and the next fix counts.
    await context.setGeolocation({ ...northOf(zaoyuan.location, 20), accuracy: 15 })
    await expect(page.getByText(/你已在枣园革命旧址打卡范围内/)).toBeVisible()
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()
  })

  test('accuracy 180 m: refused for accuracy, QR offered', async ({ page, context }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 0), accuracy: 180 })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    await expect(
      page.getByText(
        `定位精度 180 米，不足以确认（需要 ${Math.min(zaoyuan.checkin.radiusM, zaoyuan.checkin.maxAccuracyM)} 米以内）。`,
      ),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: '扫码打卡' })).toBeVisible()
  })

  test('5 km away with a 300 m fix: says how far, not "wait for better accuracy"', async ({
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 5000), accuracy: 300 })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    // 5 000 m less the radius, in kilometres (the outside verdict's wording).
    await expect(page.getByText(/^你距离枣园革命旧址的打卡范围还有 4\.\d 公里。$/)).toBeVisible()
    await expect(page.getByText(/定位精度 300 米，不足以确认/)).toHaveCount(0)
  })

  test('the status takes the focus from 定位打卡 and speaks only when the verdict changes', async ({
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 30), accuracy: 15 })
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).press('Enter')
    const status = page.getByRole('status').filter({ hasText: '可以打卡了' })
    await expect(status).toBeFocused()
    // The button and the metres are outside every live region: a new fix changes nothing spoken.
    const spokenMetres = page.getByRole('status').filter({ hasText: /米/ })
    await expect(status.getByRole('button')).toHaveCount(0)
    await expect(spokenMetres).toHaveCount(0)
    await context.setGeolocation({ ...northOf(zaoyuan.location, 60), accuracy: 12 })
    await expect(page.getByText(/距中心约 60 米/)).toBeVisible()
    await expect(spokenMetres).toHaveCount(0)
    await expect(status).toBeVisible()
  })

  test('with the network off after the first visit, a check-in still saves', async ({
    app,
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 10), accuracy: 10 })
    await app.openRoutes()
    await app.waitForOfflineReady()
    await context.setOffline(true)
    await page.goto('/sites/zaoyuan/checkin')
    await page.getByRole('button', { name: '定位打卡' }).click()
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()
    await page.reload()
    await expect(page.getByText(/你已于 .* 在枣园革命旧址打卡/)).toBeVisible()
    await context.setOffline(false)
  })

  test('a full disk: the check-in is not saved, the member is told, old data stays', async ({
    page,
    context,
  }) => {
    await context.setGeolocation({ ...northOf(zaoyuan.location, 10), accuracy: 10 })
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
        if ((globalThis as { __diskFull?: boolean }).__diskFull && this.name === 'records')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return add.apply(this, args)
      }
    })
    await page.goto('/sites/zaoyuan/checkin')
    await page.evaluate(() => {
      ;(globalThis as { __diskFull?: boolean }).__diskFull = true
    })
    await page.getByRole('button', { name: '定位打卡' }).click()
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByRole('alert')).toContainText('手机存储空间已满，打卡没有保存')
    expect(await readStore(page, 'records')).toHaveLength(0)
    expect(await readStore(page, 'outbox')).toHaveLength(0)
    // Space freed: the retry saves.
    await page.evaluate(() => {
      ;(globalThis as { __diskFull?: boolean }).__diskFull = false
    })
    await page.getByRole('button', { name: '重试' }).click()
    await expect(page.getByText('已保存：你已在枣园革命旧址打卡。')).toBeVisible()
    expect(await readStore(page, 'outbox')).toHaveLength(1)
  })
})

test('without location permission: says it was denied and offers the QR code', async ({ page }) => {
  await page.goto('/sites/zaoyuan/checkin')
  await page.getByRole('button', { name: '定位打卡' }).click()
  await expect(page.getByRole('alert')).toContainText('定位权限被拒绝')
  // Retrying alone fails again: it says how to lift the refusal.
  await expect(page.getByRole('alert')).toContainText('“位置”→ 允许')
  await expect(page.getByRole('button', { name: '扫码打卡' })).toBeVisible()
})

test('the QR fallback of a site’s check-in: a plaque photo checks in; another site’s plaque is refused', async ({
  page,
}) => {
  await page.goto('/sites/zaoyuan/checkin')
  await page.getByRole('button', { name: '扫码打卡' }).click()
  const other = await QRCode.toBuffer(
    `https://hongtu.example.org/q/${await siteToken({ site: 'yangjialing' })}`,
  )
  await page
    .getByLabel('从相册选择二维码图片')
    .setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: other })
  await expect(page.getByRole('alert')).toContainText(/杨家岭/)
  expect(await readStore(page, 'records')).toHaveLength(0)

  const right = await QRCode.toBuffer(`https://hongtu.example.org/q/${await siteToken({ site: 'zaoyuan' })}`)
  await page
    .getByLabel('从相册选择二维码图片')
    .setInputFiles({ name: 'plaque.png', mimeType: 'image/png', buffer: right })
  await expect(page).toHaveURL(/\/q\/HT1\./)
  await page.getByRole('button', { name: '确认打卡' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()
  expect(await readStore(page, 'records')).toHaveLength(1)
})
