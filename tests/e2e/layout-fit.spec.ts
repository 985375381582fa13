import type { Locator, Page } from '@playwright/test'
import { DEMO, logIn } from './account.ts'
import { checkInAt } from './checkin-driver.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { ADMIN, addToClass, DEMO_CLASS, freshMemberWithId, TRAINER1, uploadRecord } from './trainer-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Layout on the devices members and trainers hold: a 360 × 740 phone and a 1024 × 768 tablet
 * in landscape. Each test measures what a person sees (boxes inside the viewport, no sideways
 * page, a number beside the first line of its name, targets a finger can hit), because each of
 * these broke once while every functional test still passed.
 */

const PHONE = { width: 360, height: 740 }
const TABLET_LANDSCAPE = { width: 1024, height: 768 }
/** WCAG 2.5.5 (enhanced target size), the size the house style promises older members. */
const TARGET_PX = 44
/** A pasted link: no space, no hyphen, nothing a browser breaks a line at by itself. */
const UNBROKEN = `https://example.org/${'x'.repeat(60)}`

type Box = { x: number; y: number; width: number; height: number }

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`${locator} is not rendered`)
  return box
}

/** True when `inner` lies inside `outer`, with `slack` px for sub-pixel rounding. */
const inside = (inner: Box, outer: Box, slack = 1) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function viewportBox(page: Page): Promise<Box> {
  const { width, height } = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }))
  return { x: 0, y: 0, width, height }
}

/** How far the page reaches past the window's right edge (0 when it does not scroll sideways). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth)
}

async function expectTappable(locator: Locator, what: string) {
  const box = await boxOf(locator)
  expect(box.width, `${what}: width`).toBeGreaterThanOrEqual(TARGET_PX - 0.5)
  expect(box.height, `${what}: height`).toBeGreaterThanOrEqual(TARGET_PX - 0.5)
}

/** A member with a 60-character unbroken name, in the demo class, who wrote an unbroken reflection. */
async function memberWhoPastedALink(baseURL: string) {
  const member = await freshMemberWithId(baseURL, undefined, `名${'W'.repeat(59)}`)
  await addToClass(baseURL, DEMO_CLASS.id, [member.id])
  await uploadRecord(baseURL, member, 'reflection', { siteId: 'zaoyuan', text: `公式见 ${UNBROKEN}` })
  return member
}

test('a class page in English at 360 px: a long label wraps, and its value stays on the screen', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await logIn(page, DEMO.member1)
  await page.goto(`/classes/${DEMO_CLASS.id}`)
  await page.getByRole('button', { name: 'English' }).click()
  const value = page.getByText('Not downloaded yet')
  await expect(value).toBeVisible()
  // Within the screen's width (it may be further down the page).
  const box = await boxOf(value)
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 1)
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
})

test.describe('the trainer’s presence code', () => {
  const openCode = async (page: Page) => {
    await logIn(page, TRAINER1)
    await page.goto(`/trainer/classes/${DEMO_CLASS.id}/attest`)
    await expect(page.getByTestId('attest-code')).toBeVisible()
  }

  test('fits a landscape tablet with its place and countdown, without scrolling', async ({ page }) => {
    await page.setViewportSize(TABLET_LANDSCAPE)
    await openCode(page)
    const screen = await viewportBox(page)
    const qr = await boxOf(page.getByTestId('attest-code').getByRole('img'))
    expect(inside(qr, screen), `QR ${JSON.stringify(qr)}`).toBe(true)
    expect(inside(await boxOf(page.getByTestId('attest-code').locator('figcaption')), screen)).toBe(true)
    expect(inside(await boxOf(page.locator('.attest-countdown')), screen)).toBe(true)
    // Still a large square: most of the screen's height, readable from the back of a group.
    expect(Math.abs(qr.width - qr.height)).toBeLessThan(1)
    expect(qr.height).toBeGreaterThan(0.6 * screen.height)
  })

  test('fits a phone’s screen, caption and countdown included, once scrolled to', async ({ page }) => {
    await page.setViewportSize(PHONE)
    await openCode(page)
    const figure = page.getByTestId('attest-code')
    await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const screen = await viewportBox(page)
    const qr = await boxOf(figure.getByRole('img'))
    // Inside its own column too: the quiet zone must not run into the page's margin.
    expect(inside(qr, await boxOf(figure)), `QR ${JSON.stringify(qr)}`).toBe(true)
    expect(inside(qr, screen)).toBe(true)
    expect(inside(await boxOf(figure.locator('figcaption')), screen)).toBe(true)
    expect(inside(await boxOf(page.locator('.attest-countdown')), screen)).toBe(true)
    expect(Math.abs(qr.width - qr.height)).toBeLessThan(1)
    expect(qr.width).toBeGreaterThan(0.8 * screen.width)
  })
})

test('on a phone in Chinese the coverage table scrolls sideways instead of stacking characters', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await logIn(page, ADMIN)
  await page.goto('/coverage')
  const table = page.getByTestId('coverage-table')
  await expect(table).toBeVisible()
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
  const scroller = page.getByRole('region', { name: '培训覆盖情况' })
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  const lineHeight = await table.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight))
  for (const cell of await table.locator('th').all()) {
    const { height } = await boxOf(cell)
    expect(height, `${await cell.textContent()} is ${height}px tall`).toBeLessThanOrEqual(3.5 * lineHeight)
  }
})

test('a pasted link in a reflection or a name wraps instead of widening the page', async ({
  page,
  browser,
  baseURL,
}) => {
  const member = await memberWhoPastedALink(baseURL ?? '')
  await page.setViewportSize(PHONE)
  await logIn(page, TRAINER1)
  await page.goto(`/trainer/classes/${DEMO_CLASS.id}/members/${member.id}`)
  await expect(page.getByText(UNBROKEN)).toBeVisible()
  expect(await sidewaysOverflow(page), 'trainee page').toBeLessThanOrEqual(0)
  await page.goto(`/trainer/classes/${DEMO_CLASS.id}`)
  await expect(page.getByTestId('class-grid').getByRole('link', { name: member.name })).toBeVisible()
  expect(await sidewaysOverflow(page), 'class dashboard').toBeLessThanOrEqual(0)

  const own = await browser.newPage({ viewport: PHONE, baseURL })
  try {
    await logIn(own, member)
    await own.goto('/passport')
    await expect(own.getByText(member.name)).toBeVisible()
    expect(await sidewaysOverflow(own), 'passport').toBeLessThanOrEqual(0)
  } finally {
    await own.context().close()
  }
})

/**
 * Where the list's number is drawn: the rows of ink in the gutter left of `item` (the marker
 * is a pseudo-element with no box to ask for), read from a screenshot of that gutter.
 */
async function markerInk(page: Page, item: Locator): Promise<{ top: number; bottom: number }> {
  await item.scrollIntoViewIfNeeded()
  const li = await boxOf(item)
  const clip = { x: Math.max(0, li.x - 22), y: li.y, width: 20, height: li.height }
  const png = (await page.screenshot({ clip })).toString('base64')
  const rows = await page.evaluate(
    async ({ data, cssHeight }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${data}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const ctx = canvas.getContext('2d')
      if (!ctx) return []
      ctx.drawImage(img, 0, 0)
      const { data: px } = ctx.getImageData(0, 0, img.width, img.height)
      const inked: number[] = []
      for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++) {
          const i = (y * img.width + x) * 4
          if ((px[i] ?? 255) + (px[i + 1] ?? 255) + (px[i + 2] ?? 255) < 3 * 160) {
            inked.push((y * cssHeight) / img.height)
            break
          }
        }
      return inked
    },
    { data: png, cssHeight: clip.height },
  )
  expect(rows.length, 'the number is drawn').toBeGreaterThan(0)
  return { top: li.y + Math.min(...rows), bottom: li.y + Math.max(...rows) }
}

test('on the passport a stop’s number sits beside the first line of its name', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto('/passport')
  const items = page.locator('.stamp-list li')
  await expect(items.first()).toBeVisible()
  // A name long enough to wrap on a 360 px phone.
  const wrapped = items.filter({ hasText: '打拉池红山寺' }).first()
  await wrapped.scrollIntoViewIfNeeded()
  const firstLine = await wrapped.getByRole('link').evaluate((a) => {
    const range = document.createRange()
    range.selectNodeContents(a)
    const r = range.getClientRects()[0]
    return { top: r?.top ?? 0, bottom: r?.bottom ?? 0, lines: range.getClientRects().length }
  })
  const ink = await markerInk(page, wrapped)
  expect(ink.top, JSON.stringify({ ink, firstLine })).toBeGreaterThanOrEqual(firstLine.top - 2)
  expect(ink.bottom, JSON.stringify({ ink, firstLine })).toBeLessThanOrEqual(firstLine.bottom + 2)
})

test('small controls are big enough to tap: header, badge, passport, site and map', async ({
  page,
  context,
}) => {
  await page.setViewportSize(PHONE)
  // A check-in kept on the phone (not logged in) puts the pending badge in the header.
  await checkInAt(page, context, 'zaoyuan')
  await expectTappable(page.getByTestId('pending-badge'), 'pending badge')
  await expectTappable(page.locator('.brand a'), 'brand link')
  await expectTappable(page.getByRole('navigation').getByRole('link', { name: '登录', exact: true }), '登录')

  await page.goto('/sites/zaoyuan')
  const partOf = page.locator('.facts dd').getByRole('link')
  await expect(partOf.first()).toBeVisible()
  for (const link of await partOf.all()) await expectTappable(link, `所属路线 ${await link.textContent()}`)

  await page.goto('/passport')
  const titles = page.getByRole('heading', { level: 3 }).getByRole('link')
  await expect(titles.first()).toBeVisible()
  for (const link of await titles.all()) await expectTappable(link, `route title ${await link.textContent()}`)
  const importBackup = page.locator('label', { hasText: '导入备份文件' })
  await expectTappable(importBackup, '导入备份文件')
  await page.getByLabel('导入备份文件').focus()
  expect(await importBackup.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none')

  await page.goto('/routes/yanan-two-day')
  await expect(page.getByTestId('route-map')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await expectTappable(page.getByLabel('数据来源'), '数据来源')
})

test.describe('with the service worker', () => {
  // The notice says the worker has installed, so this one needs it.
  test.use({ serviceWorkers: 'allow' })

  test('the “ready offline” notice takes its own room: scrolled to the end, it covers nothing', async ({
    page,
  }) => {
    await page.setViewportSize(PHONE)
    await page.goto('/sites/zaoyuan/checkin')
    const notice = page.getByRole('status').filter({ hasText: '已可离线使用' })
    await expect(notice).toBeVisible({ timeout: 20_000 })
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement?.scrollHeight ?? 0))
    const covered = await boxOf(notice)
    for (const part of await page.locator('main > *').all()) {
      if (!(await part.isVisible())) continue
      expect(overlaps(await boxOf(part), covered), `${await part.textContent()} under the notice`).toBe(false)
    }
  })
})

test('on a phone the accounts page fits: one-line “manage” buttons, fields and file input a finger can hit', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await logIn(page, ADMIN)
  await page.goto('/admin/accounts')
  const list = page.getByTestId('account-list')
  await expect(list.getByRole('listitem').first()).toBeVisible()
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
  for (const button of await list.getByRole('button', { name: /^管理.+的账号$/ }).all()) {
    await expectTappable(button, 'manage')
    // One line: "管" over "理" read as two words once. A text's line boxes are its client rects.
    const lines = await button.evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    })
    expect(lines).toBe(1)
  }
  await expectTappable(page.getByLabel('搜索（姓名、用户名、党支部）'), 'search')
  await expectTappable(page.getByLabel('角色', { exact: true }).last(), 'role filter')
  await expectTappable(page.getByLabel('选择花名册文件（CSV）'), 'roster file')

  // A new account with an 18-digit member number, in large type: its password is read whole.
  const form = page.getByRole('region', { name: '新建一个账号' })
  await form.getByLabel('姓名').fill('欧阳娜娜')
  await form.getByLabel('用户名（党员编号）').fill(`1101021980${Date.now().toString().slice(-8)}`)
  await form.getByLabel('党支部').fill('版面测试支部')
  await form.getByRole('button', { name: '新建账号' }).click()
  const password = page.getByTestId('issued-passwords').locator('tbody td.password')
  await expect(password).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
  // The narrowest phones still sold (320 px), in large type: the password must stay inside its card.
  await page.setViewportSize({ width: 320, height: 640 })
  await page.getByRole('button', { name: '大字' }).click()
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0)
  // The cell is as wide as its card whatever it holds: measure the text itself against it.
  const { textRight, cellRight } = await password.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    return {
      textRight: Math.max(...[...range.getClientRects()].map((r) => r.right)),
      cellRight: el.getBoundingClientRect().right,
    }
  })
  expect(textRight, 'the password’s right edge').toBeLessThanOrEqual(cellRight + 0.5)
})
