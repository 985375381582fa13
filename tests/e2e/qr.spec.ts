import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import QRCode from 'qrcode'
import { generateSiteKeyPair } from '../../src/domain/qr/keys.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import {
  expectTestKeyTrusted,
  nowS,
  qrVideo,
  seriousViolations,
  siteToken,
  storedCheckins,
  TEST_KID,
} from './qr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * QR check-in, as a member meets it: a plaque's link opened by the phone's camera app (here
 * page.goto('/q/<token>')) and a photo of the code chosen in the in-app scanner. Codes are
 * signed in the test with the repository's test key, which the app trusts only in builds made
 * with HONGTU_TRUST_TEST_KEYS=1 (npm test does that). Saved records are read back from the
 * app's IndexedDB (`hongtu`: stores `records` and `outbox`).
 */

const confirmButton = (page: Page) => page.getByRole('button', { name: '确认打卡' })

test.beforeEach(async ({ page }) => {
  await expectTestKeyTrusted(page)
})

test('a plaque link opens the check-in, and confirming saves the record and its outbox entry', async ({
  app,
  page,
}) => {
  const token = await siteToken()
  await page.goto(`/q/${token}`)
  await expect(app.heading()).toHaveText('扫码打卡')
  await expect(page.getByRole('heading', { level: 2, name: '枣园革命旧址' })).toBeVisible()
  await confirmButton(page).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()

  const { records, outbox } = await storedCheckins(page)
  expect(records).toHaveLength(1)
  expect(records[0]?.payload).toEqual({
    siteId: 'zaoyuan',
    method: 'qr',
    verdict: 'qr-valid',
    qr: { token, keyId: TEST_KID },
  })
  expect(outbox.map((o) => o.recordId)).toContain(records[0]?.id)

  await page.getByRole('link', { name: /开始现场教学/ }).click()
  // The lesson keeps its current part in the address (?view=…) once it opens.
  await expect(page).toHaveURL(/\/lessons\/zaoyuan-lesson(\?view=[\w-]+)?$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('为人民服务')
})

test('a second scan at a site already stamped says so and adds no record', async ({ page }) => {
  await page.goto(`/q/${await siteToken()}`)
  await confirmButton(page).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()

  await page.goto(`/q/${await siteToken()}`)
  await expect(page.getByText('你已在此站点打过卡')).toBeVisible()
  await expect(page.getByText(/^首次打卡时间：\d+月\d+日 \d{2}:\d{2}。/)).toBeVisible()
  await expect(confirmButton(page)).toHaveCount(0)
  expect((await storedCheckins(page)).records).toHaveLength(1)
})

test('an expired code is refused with its date and nothing is saved', async ({ page }) => {
  await page.goto(`/q/${await siteToken({ nbf: nowS() - 10 * 86_400, exp: nowS() - 86_400 })}`)
  await expect(page.getByRole('alert')).toContainText('二维码已过期')
  await expect(page.getByRole('alert')).toContainText('请扫描现场张贴的最新二维码')
  await expect(confirmButton(page)).toHaveCount(0)
  expect((await storedCheckins(page)).records).toHaveLength(0)
})

test('a tampered code is refused as invalid or tampered', async ({ page }) => {
  const [prefix, , signature] = (await siteToken()).split('.')
  const forgedClaims = JSON.parse(
    Buffer.from((await siteToken({ site: 'yangjialing' })).split('.')[1] ?? '', 'base64url').toString(),
  )
  const forged = `${prefix}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${signature}`
  await page.goto(`/q/${forged}`)
  await expect(page.getByRole('alert')).toContainText(
    '二维码无效或已被篡改，请扫描现场的官方二维码，或联系带教老师',
  )
  await expect(confirmButton(page)).toHaveCount(0)
})

test('a code signed by a key this content does not know says the content may be outdated', async ({
  page,
}) => {
  const { privateJwk } = await generateSiteKeyPair()
  await page.goto(`/q/${await siteToken({ kid: 'site-2099' }, privateJwk)}`)
  await expect(page.getByRole('alert')).toContainText('内容可能不是最新版本')
})

test('a photo of the plaque chosen in the scanner leads to the same check-in', async ({ app, page }) => {
  const token = await siteToken({ site: 'yangjialing' })
  // Any host: the app reads the path, and never requests the link itself.
  const png = await QRCode.toBuffer(`https://hongtu.example.org/q/${token}`, { errorCorrectionLevel: 'M' })
  await page.goto('/scan')
  await expect(app.heading()).toHaveText('扫码打卡')
  await page
    .getByLabel('从相册选择二维码图片')
    .setInputFiles({ name: 'plaque.png', mimeType: 'image/png', buffer: png })
  await expect(page).toHaveURL(/\/q\/HT1\./)
  await expect(page.getByRole('heading', { level: 2, name: /杨家岭/ })).toBeVisible()
  await confirmButton(page).click()
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()
  expect((await storedCheckins(page)).records.map((r) => (r.payload as { siteId: string }).siteId)).toEqual([
    'yangjialing',
  ])
})

test('a photo of some other QR code is refused as not a check-in code', async ({ page }) => {
  const png = await QRCode.toBuffer('https://weixin.qq.com/r/abc', { errorCorrectionLevel: 'M' })
  await page.goto('/scan')
  await page
    .getByLabel('从相册选择二维码图片')
    .setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByRole('alert')).toContainText('这不是红途的打卡二维码')
  await expect(page).toHaveURL(/\/scan$/)
})

test('the camera reads a plaque, the check-in opens, and the camera is turned off', async ({
  playwright,
  baseURL,
}, testInfo) => {
  const token = await siteToken({ site: 'nanniwan' })
  const video = testInfo.outputPath('plaque.y4m')
  writeFileSync(video, qrVideo(`https://hongtu.example.org/q/${token}`))
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  })
  try {
    const context = await browser.newContext({
      ...WITHOUT_SERVICE_WORKER,
      baseURL,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    })
    const own = new URL(baseURL ?? '').host
    const foreign: string[] = []
    await context.route(
      (url) => url.host !== own,
      (route) => {
        foreign.push(route.request().url())
        return route.abort('blockedbyclient')
      },
    )
    const page = await context.newPage()
    // Keeps every camera stream the app opens, to check that each is stopped.
    await page.addInitScript(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices)
      const streams: MediaStream[] = []
      Object.assign(window, { __streams: streams })
      navigator.mediaDevices.getUserMedia = async (c) => {
        const stream = await open(c)
        streams.push(stream)
        return stream
      }
    })
    await page.goto('/scan')
    await page.getByRole('button', { name: '打开相机扫码' }).click()
    await expect(page).toHaveURL(/\/q\/HT1\./, { timeout: 20_000 })
    await expect(page.getByRole('heading', { level: 2, name: /南泥湾/ })).toBeVisible()
    const tracks = await page.evaluate(() =>
      (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) =>
        s.getTracks().map((t) => t.readyState),
      ),
    )
    expect(tracks.length).toBeGreaterThan(0)
    expect(tracks.every((state) => state === 'ended')).toBe(true)
    await page.getByRole('button', { name: '确认打卡' }).click()
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()
    expect(foreign).toEqual([])
  } finally {
    await browser.close()
  }
})

test('a phone without a usable camera says so and keeps the photo option', async ({ page }) => {
  // Headless Chromium here has no camera device at all.
  await page.goto('/scan')
  await page.getByRole('button', { name: '打开相机扫码' }).click()
  await expect(page.getByRole('alert')).toContainText('没有找到可用的相机')
  await expect(page.getByRole('alert')).toContainText('请从相册选择二维码图片')
  await expect(page.getByLabel('从相册选择二维码图片')).toBeEnabled()
})

test('axe finds no serious or critical violation on the scan, confirm and refusal screens', async ({
  page,
}) => {
  await page.goto('/scan')
  await page.getByRole('button', { name: '打开相机扫码' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.goto(`/q/${await siteToken()}`)
  await expect(confirmButton(page)).toBeEnabled()
  expect(await seriousViolations(page)).toEqual([])
  await page.goto(`/q/${await siteToken({ nbf: nowS() - 10 * 86_400, exp: nowS() - 86_400 })}`)
  await expect(page.getByRole('alert')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})
