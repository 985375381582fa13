import type { Page } from '@playwright/test'
import { loadScenes } from '../../scenes/load-scenes.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { builtPack, QUIZ_SCENES, SCENE_IDS, VrDriver } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A member who chose English sees English in the 3D scene too, not only on the page: narration
 * panels, buttons and the quiz draw the English texts, falling back to Chinese only where the
 * content has none. An English text runs longer than the Chinese, so every panel must grow to
 * hold it: no text block may reach past its panel's edge (the test API measures each block's
 * corners in the panel's plane).
 */
const { scenes } = loadScenes(process.cwd())

const panelTexts = (page: Page, name: string) =>
  page.evaluate((n) => window.__hongtuTest?.xr?.panelTexts(n) ?? null, name)

async function inEnglish(page: Page) {
  await page.goto('/')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

for (const sceneId of SCENE_IDS)
  test(`${sceneId}: each narration panel draws its title and text in Chinese, then in English, within the panel`, async ({
    page,
  }) => {
    test.slow()
    const scene = scenes.find((s) => s.id === sceneId)
    if (!scene) throw new Error(`no scene ${sceneId}`)
    const vr = new VrDriver(page)
    await vr.open(sceneId)
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click()
      const list = page.getByRole('region', { name: lang === 'en' ? 'Points of interest' : '讲解点' })
      for (const h of scene.hotspots) {
        const title = (lang === 'en' && h.title.en) || h.title.zh
        const body = (lang === 'en' && h.body.en) || h.body.zh
        await list.getByRole('button', { name: title, exact: true }).click()
        await vr.expectObject(`panel:${h.id}`)
        await expect
          .poll(async () => (await panelTexts(page, `panel:${h.id}`))?.texts, { message: `${lang} ${h.id}` })
          .toEqual(expect.arrayContaining([title, body, lang === 'en' ? 'Close' : '关闭']))
        expect((await panelTexts(page, `panel:${h.id}`))?.overflowing, `${lang} ${h.id}`).toEqual([])
        await vr.click('button:close-panel')
        await expect.poll(() => vr.exists(`panel:${h.id}`)).toBe(false)
      }
    }
  })

for (const { scene: sceneId, lesson: lessonId } of QUIZ_SCENES)
  test(`in English, the quiz in ${sceneId}: each question in English, every prompt and choice within the panel`, async ({
    page,
  }) => {
    test.slow()
    const lesson = builtPack.lessons.find((l) => l.id === lessonId)
    if (!lesson) throw new Error(`no lesson ${lessonId}`)
    await inEnglish(page)
    const vr = new VrDriver(page)
    await vr.open(sceneId)
    await vr.click('button:open-quiz')
    await vr.expectObject('panel:quiz')
    for (const [i, q] of lesson.quiz.questions.entries()) {
      await expect
        .poll(async () => (await panelTexts(page, 'panel:quiz'))?.texts ?? [], { message: q.id })
        .toContain(q.prompt.en)
      const drawn = await panelTexts(page, 'panel:quiz')
      if (q.kind !== 'truefalse')
        for (const c of q.choices)
          expect(
            drawn?.texts.some((t) => t.endsWith(`. ${c.text.en}`)),
            c.id,
          ).toBe(true)
      else expect(drawn?.texts).toEqual(expect.arrayContaining(['True', 'False']))
      expect(drawn?.overflowing, q.id).toEqual([])
      if (i < lesson.quiz.questions.length - 1) await vr.click('button:quiz-next')
    }
  })
