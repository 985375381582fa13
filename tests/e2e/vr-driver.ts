import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import type { SceneCommand } from '../../src/xr/commands.ts'
import type { FrameStats } from '../../src/xr/test-api.ts'
import { readStore } from './idb.ts'

/**
 * A page object for the VR classroom (STYLE.md 14): what a member does in a scene, through the
 * test API for what selectors cannot reach (3D objects, the emulated headset). Needs a build
 * made with VITE_TEST_API=1 (scripts/test-all.ts does).
 */
const DIST = process.env.HONGTU_DIST_DIR ?? 'dist'
export const builtPack = JSON.parse(readFileSync(join(DIST, 'content', 'pack.json'), 'utf8')) as ContentPack

export { SCENE_IDS } from './vr-driver-ids.ts'
export const QUIZ_SCENES = [
  { scene: 'huining-huishi', lesson: 'huining-huishi-jiuzhi-lesson', hotspot: 'huishi-ta' },
  { scene: 'yanan-yaodong', lesson: 'zaoyuan-lesson', hotspot: 'shuzhuo-youdeng' },
  { scene: 'panorama-sample', lesson: 'baotashan-lesson', hotspot: 'baota' },
] as const

/** The 3D buttons to press for the right answer to each question of a lesson, in order. */
export function rightAnswerButtons(lessonId: string): { question: string; buttons: string[] }[] {
  const lesson = builtPack.lessons.find((l) => l.id === lessonId)
  if (!lesson) throw new Error(`no lesson ${lessonId} in the build`)
  return lesson.quiz.questions.map((q) => {
    const ids = q.kind === 'truefalse' ? [String(q.answer)] : q.kind === 'single' ? [q.answer] : q.answer
    return { question: q.id, buttons: ids.map((c) => `button:choice-${q.id}-${c}`) }
  })
}

/** The 3D button to press for a wrong answer to each question of a lesson, in order. */
export function wrongAnswerButtons(lessonId: string): { question: string; buttons: string[] }[] {
  const lesson = builtPack.lessons.find((l) => l.id === lessonId)
  if (!lesson) throw new Error(`no lesson ${lessonId} in the build`)
  return lesson.quiz.questions.map((q) => {
    const right = q.kind === 'truefalse' ? [String(q.answer)] : q.kind === 'single' ? [q.answer] : q.answer
    const all = q.kind === 'truefalse' ? ['true', 'false'] : q.choices.map((c) => c.id as string)
    const wrong = all.find((c) => !right.includes(c as never))
    return { question: q.id, buttons: [`button:choice-${q.id}-${wrong}`] }
  })
}

type Hand = 'left' | 'right'

export class VrDriver {
  constructor(readonly page: Page) {}

  /** `headset`: a Meta Quest 3 when true, or the emulator's other headsets (src/xr/emulator.ts). */
  async open(sceneId: string, options: { headset?: boolean | 'quest2' | 'pico4' } = {}) {
    const headset = options.headset === true ? 'quest3' : options.headset
    const query = headset ? `?test-api=1&xr-emulator=${headset}` : '?test-api=1'
    await this.page.goto(`/vr/${sceneId}${query}`)
    await expect(this.page.getByTestId('vr-stage')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
    await this.page.waitForFunction(() => window.__hongtuTest?.xr !== undefined)
    await this.page.evaluate(() => window.__hongtuTest?.xr?.waitFrames(3))
  }

  stats(): Promise<FrameStats> {
    return this.page.evaluate(() => {
      const xr = window.__hongtuTest?.xr
      if (!xr) throw new Error('test API missing: build with VITE_TEST_API=1')
      return xr.stats()
    })
  }

  exists(name: string): Promise<boolean> {
    return this.page.evaluate((n) => window.__hongtuTest?.xr?.exists(n) ?? false, name)
  }

  async expectObject(name: string) {
    await expect.poll(() => this.exists(name), { message: `${name} in the scene` }).toBe(true)
  }

  async screenPoint(name: string) {
    await this.page.getByTestId('vr-stage').scrollIntoViewIfNeeded()
    const p = await this.page.evaluate((n) => window.__hongtuTest?.xr?.screenPoint(n) ?? null, name)
    if (!p) throw new Error(`${name} is not on screen`)
    return p
  }

  /** Clicks a 3D object with the mouse, as a member at a desktop would. */
  async click(name: string) {
    const p = await this.screenPoint(name)
    await this.page.mouse.click(p.x, p.y)
  }

  /** Taps a 3D object with a finger (needs a context with hasTouch). */
  async tap(name: string) {
    const p = await this.screenPoint(name)
    await this.page.touchscreen.tap(p.x, p.y)
  }

  async enterVr() {
    await this.page.getByRole('button', { name: '进入 VR' }).click()
    await expect
      .poll(() => this.page.evaluate(() => window.__hongtuTest?.xr?.inSession() ?? false))
      .toBe(true)
  }

  /** XR frames keep coming: the frame counter grows during the session. */
  async expectFramesRunning() {
    const before = (await this.stats()).frames
    await expect
      .poll(async () => (await this.stats()).frames, { timeout: 10_000 })
      .toBeGreaterThan(before + 5)
  }

  /**
   * Aims the emulated controller at an object and pulls the trigger (a click). Under a software
   * renderer on a busy machine two frames can outlast the 800 ms a click allows, and the click
   * is lost: the object's click count (test API) tells, and the trigger is pulled again, as a
   * member whose press did not register would. If none registers, the error says how long each
   * press was held and what the ray met first.
   */
  async select(name: string, hand: Hand = 'right') {
    await this.expectObject(name)
    const clicks = () => this.page.evaluate((n) => window.__hongtuTest?.clicks?.[n] ?? 0, name)
    const before = await clicks()
    const tries: string[] = []
    for (let attempt = 1; attempt <= 4; attempt++) {
      const aimed = await this.page.evaluate(
        ([n, h]) => window.__hongtuTest?.xr?.aimController(n, h) ?? false,
        [name, hand] as const,
      )
      expect(aimed, `aimed at ${name}`).toBe(true)
      const click = await this.page.evaluate((h) => window.__hongtuTest?.xr?.clickController(h), hand)
      tries.push(`held ${Math.round(click?.heldMs ?? -1)} ms, ray met ${click?.firstHit ?? 'nothing'} first`)
      const handled = await expect
        .poll(clicks, { timeout: 3_000 })
        .toBeGreaterThan(before)
        .then(() => true)
        .catch(() => false)
      if (handled) return
    }
    throw new Error(`the controller's click on ${name} was never handled: ${tries.join('; ')}`)
  }

  waitFrames(n: number) {
    return this.page.evaluate((count) => window.__hongtuTest?.xr?.waitFrames(count), n)
  }

  /** Where the member stands (the XR origin), as [x, y, z] in metres. */
  async standing(): Promise<[number, number, number]> {
    const at = await this.page.evaluate(() => window.__hongtuTest?.xr?.originPosition() ?? null)
    if (!at) throw new Error('no XR origin in the scene')
    return at
  }

  /**
   * Points at a spot on the ground and pulls the trigger (pinches, with hands): the member should
   * then stand there. Pressed again if a slow frame lost the press, as with select().
   */
  async teleportTo(x: number, z: number, hand: Hand = 'right') {
    const near = async () => {
      const [ox, , oz] = await this.standing()
      return Math.hypot(ox - x, oz - z) < 0.05
    }
    for (let attempt = 1; attempt <= 4; attempt++) {
      await this.page.evaluate(([p, h]) => window.__hongtuTest?.xr?.aimController(p, h), [
        [x, 0, z],
        hand,
      ] as const)
      await this.page.evaluate((h) => window.__hongtuTest?.xr?.clickController(h), hand)
      const arrived = await expect
        .poll(near, { timeout: 3_000 })
        .toBe(true)
        .then(() => true)
        .catch(() => false)
      if (arrived) return
    }
    throw new Error(`never stood at (${x}, ${z}): still at ${(await this.standing()).join(', ')}`)
  }

  /** The visitor puts the controllers down (hand tracking) or picks them up again. */
  async switchInput(mode: 'controller' | 'hand') {
    await this.page.evaluate((m) => window.__hongtuTest?.xr?.switchInput(m), mode)
    const kind = mode === 'hand' ? 'hand' : 'controller'
    await expect
      .poll(() => this.page.evaluate(() => window.__hongtuTest?.xr?.inputs() ?? []))
      .toEqual(expect.arrayContaining([`${kind}:left`, `${kind}:right`]))
  }

  handModelsShown(): Promise<number> {
    return this.page.evaluate(() => window.__hongtuTest?.xr?.handModelsShown() ?? 0)
  }

  async exitVr() {
    await this.page.evaluate(() => window.__hongtuTest?.xr?.exitVr())
    await expect
      .poll(() => this.page.evaluate(() => window.__hongtuTest?.xr?.inSession() ?? true))
      .toBe(false)
  }

  dispatch(command: SceneCommand) {
    return this.page.evaluate((c) => {
      if (!window.__hongtuTest?.dispatch) throw new Error('no command sink')
      window.__hongtuTest.dispatch(c)
    }, command)
  }

  saveStatus() {
    return this.page.getByTestId('vr-save-status')
  }

  /** The texts drawn on a 3D panel, in the order the panel holds them. */
  async panelTexts(name: string): Promise<string[]> {
    return (
      (await this.page.evaluate((n) => window.__hongtuTest?.xr?.panelTexts(n) ?? null, name))?.texts ?? []
    )
  }

  narration() {
    return this.page.getByTestId('vr-narration')
  }

  async records() {
    return readStore<{ kind: string; payload: Record<string, unknown> }>(this.page, 'records')
  }

  async outbox() {
    return readStore(this.page, 'outbox')
  }
}
