import type { Page } from '@playwright/test'
import { MIN_LEGIBLE_DMM } from '../../src/xr/comfort.ts'
import type { TextView } from '../../src/xr/test-api.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * Hotspot titles are read where they stand, from where the visitor is: on a screen big enough to
 * read but next to their markers (on a phone they were boosted fourfold, overlapped, ran off the
 * stage and floated far above their markers), and in a headset at the legibility target of
 * comfort.ts (in 会宁 they were 5–13 dmm from the spawn).
 */

const hotspotIds = async (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-hotspot]')].map((b) => b.dataset.hotspot ?? ''),
  )

interface SeenTitle {
  readonly id: string
  readonly title: TextView
  readonly marker: { x: number; y: number }
}

/** The titles whose markers are on the stage, with where their markers are. */
async function titlesInView(page: Page): Promise<SeenTitle[]> {
  const seen: SeenTitle[] = []
  for (const id of await hotspotIds(page)) {
    const found = await page.evaluate((h) => {
      const xr = window.__hongtuTest?.xr
      return { title: xr?.textView(`title:${h}`) ?? null, marker: xr?.screenPoint(`hotspot:${h}`) ?? null }
    }, id)
    if (found.title && found.marker) seen.push({ id, title: found.title, marker: found.marker })
  }
  return seen
}

const overlap = (a: TextView, b: TextView) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

async function expectReadableBesideMarkers(page: Page, sceneId: string, options: { english?: boolean } = {}) {
  const vr = new VrDriver(page)
  await vr.open(sceneId)
  if (options.english) {
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/[\u4e00-\u9fff]/)
  }
  await page.getByTestId('vr-stage').scrollIntoViewIfNeeded()
  await page.evaluate(() => window.__hongtuTest?.xr?.waitFrames(2))
  const stage = await page.getByTestId('vr-stage').boundingBox()
  if (!stage) throw new Error('no stage')
  const seen = await titlesInView(page)
  expect(seen.length, 'titles in view').toBeGreaterThan(0)
  for (const { id, title, marker } of seen) {
    // As large as the page's text, not four times it.
    expect(title.glyphPx, `${id}: glyph px`).toBeGreaterThanOrEqual(15)
    expect(title.glyphPx, `${id}: glyph px`).toBeLessThanOrEqual(26)
    // Right above its marker: centred on it, its foot a marker's height or so above it.
    expect(Math.abs((title.left + title.right) / 2 - marker.x), `${id}: centred on its marker`).toBeLessThan(
      4,
    )
    expect(title.bottom, `${id}: above its marker`).toBeLessThan(marker.y)
    expect(marker.y - title.bottom, `${id}: next to its marker`).toBeLessThan(40)
    // Near the middle of the stage, its title is wholly on it.
    if (Math.abs(marker.x - (stage.x + stage.width / 2)) < stage.width / 4) {
      expect(title.left, `${id}: on the stage`).toBeGreaterThanOrEqual(stage.x)
      expect(title.right, `${id}: on the stage`).toBeLessThanOrEqual(stage.x + stage.width)
      expect(title.top, `${id}: on the stage`).toBeGreaterThanOrEqual(stage.y)
    }
  }
  for (const [i, a] of seen.entries())
    for (const b of seen.slice(i + 1))
      expect(overlap(a.title, b.title), `${a.id} and ${b.id} overlap`).toBe(false)
}

test.describe('on a phone', () => {
  test.use({ isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } })

  test('panorama titles are the size of the page’s text, beside their markers, apart and on the stage', async ({
    page,
  }) => {
    await expectReadableBesideMarkers(page, 'panorama-sample')
  })

  test('in English too, in the oath hall', async ({ page }) => {
    await expectReadableBesideMarkers(page, 'oath-hall', { english: true })
  })
})

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('the far titles of 会宁 are readable, not a few pixels tall', async ({ page }) => {
    await expectReadableBesideMarkers(page, 'huining-huishi')
  })

  test('in English too, where titles run longer', async ({ page }) => {
    await expectReadableBesideMarkers(page, 'huining-huishi', { english: true })
  })
})

test('in a headset, every title in 会宁 reads at the legibility target from where the visitor stands', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi', { headset: true })
  await vr.enterVr()
  await vr.expectFramesRunning()
  const ids = await hotspotIds(page)
  expect(ids.length).toBeGreaterThan(0)
  for (const id of ids) {
    const dmm = await page.evaluate((h) => window.__hongtuTest?.xr?.textView(`title:${h}`)?.dmm ?? null, id)
    expect(dmm, `${id}: dmm from the eyes`).not.toBeNull()
    expect(dmm ?? 0, `${id}: dmm from the eyes`).toBeGreaterThanOrEqual(MIN_LEGIBLE_DMM - 0.5)
  }
})
