import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'
import { builtPack, rightAnswerButtons, VrDriver, wrongAnswerButtons } from './vr-driver.ts'

test.use(WITHOUT_SERVICE_WORKER)

/** Without a headset: the same hotspots and quiz with a mouse or a finger, and from the list. */

test('on a desktop there is no enter-VR button, and a mouse click on a hotspot opens its narration', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  await expect(page.getByRole('button', { name: '进入 VR' })).toHaveCount(0)
  await vr.click('hotspot:huishi-ta')
  await expect(vr.narration()).toContainText('会师纪念塔')
  await expect(vr.narration()).toContainText('塔名由邓小平题写')
  await vr.expectObject('panel:huishi-ta')
})

test('the in-scene quiz button tells keyboard and screen-reader users where the text quiz is', async ({
  page,
}) => {
  await new VrDriver(page).open('huining-huishi')
  await expect(page.getByRole('button', { name: '开始测验（在场景中作答）' })).toHaveAccessibleDescription(
    '题目显示在画面中。用键盘或读屏软件作答，请用文字版。',
  )
  await expect(page.getByRole('link', { name: '在课程页作答（文字版）' })).toBeVisible()
})

test('a still scene draws no frames until the member acts; a drag draws the turned view', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('huining-huishi')
  const idleFrom = (await vr.stats()).frames
  await page.waitForTimeout(1500)
  // Drawn on demand (XrStage.tsx): a still stage costs a phone nothing. Slowness cannot pass
  // this falsely: the count can only rise if something draws without a cause.
  expect((await vr.stats()).frames).toBe(idleFrom)

  const before = await vr.screenPoint('hotspot:huishi-ta')
  const box = await page.getByTestId('vr-stage').boundingBox()
  if (!box || !before) throw new Error('no stage or hotspot in view')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 3, { steps: 4 })
  await page.mouse.up()
  await expect.poll(async () => (await vr.stats()).frames).toBeGreaterThan(idleFrom)
  await expect.poll(() => vr.screenPoint('hotspot:huishi-ta')).not.toEqual(before)
})

test('a still scene whose WebGL context was lost and restored is drawn again without a touch', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('yanan-yaodong')
  // Still, so nothing draws from here (see the test above) unless something asks for a frame.
  const before = (await vr.stats()).frames
  await page.evaluate(async () => {
    const gl = document
      .querySelector<HTMLCanvasElement>('[data-testid="vr-canvas"] canvas')
      ?.getContext('webgl2')
    const lose = gl?.getExtension('WEBGL_lose_context')
    if (!gl || !lose) throw new Error('no WebGL 2 context or no WEBGL_lose_context')
    const restored = new Promise((r) => gl.canvas.addEventListener('webglcontextrestored', r, { once: true }))
    lose.loseContext()
    await new Promise((r) => setTimeout(r, 100))
    lose.restoreContext()
    await restored
  })
  await expect.poll(async () => (await vr.stats()).frames).toBeGreaterThan(before)
})

test('every hotspot is in the list outside the canvas, and opening one from there shows it', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('yanan-yaodong')
  const list = page.getByRole('region', { name: '讲解点' })
  await expect(list.getByRole('button')).toHaveCount(6)
  await list.getByRole('button', { name: '纺车与大生产运动' }).click()
  await expect(vr.narration()).toContainText('自己动手，丰衣足食')
  await vr.expectObject('panel:fangche')
  await expect(list.getByText('✓ 已看')).toHaveCount(1)
})

test('the quiz answered with mouse clicks in the scene is saved, and 已保存 shows only then', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('yanan-yaodong')
  await vr.click('button:open-quiz')
  await vr.expectObject('panel:quiz')
  const questions = rightAnswerButtons('zaoyuan-lesson')
  for (const [i, q] of questions.entries()) {
    for (const b of q.buttons) await vr.click(b)
    await vr.click(i === questions.length - 1 ? 'button:quiz-submit' : 'button:quiz-next')
  }
  await expect(vr.saveStatus()).toContainText('测验已保存')
  const kinds = (await vr.records()).map((r) => `${r.kind}:${r.payload.mode}`)
  expect(kinds.sort()).toEqual(['lesson.completed:vr', 'quiz.submitted:vr'])
})

test('a failed quiz in the scene marks the wrong questions, not the answers, and the retry reorders the choices', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('yanan-yaodong')
  await vr.click('button:open-quiz')
  await vr.expectObject('panel:quiz')
  const choiceLabels = async () => (await vr.panelTexts('panel:quiz')).filter((t) => /^[A-F]\. /.test(t))
  await expect.poll(choiceLabels).not.toEqual([])
  const firstOrder = await choiceLabels()
  const questions = wrongAnswerButtons('zaoyuan-lesson')
  for (const [i, q] of questions.entries()) {
    for (const b of q.buttons) await vr.click(b)
    await vr.click(i === questions.length - 1 ? 'button:quiz-submit' : 'button:quiz-next')
  }
  await expect(vr.saveStatus()).toContainText('测验已保存')
  await expect
    .poll(() => vr.panelTexts('panel:quiz'))
    .toEqual(
      expect.arrayContaining([
        '答对 0 / 6 题',
        '答错的题：第 1、2、3、4、5、6 题',
        '还有 2 次机会，请再想一想',
      ]),
    )

  // Buttons' labels are among the panel's texts: the retry is offered, the answer review is not.
  const resultTexts = await vr.panelTexts('panel:quiz')
  expect(resultTexts).toContain('再做一次')
  expect(resultTexts).not.toContain('看答案与解析')

  await vr.click('button:quiz-retry')
  await expect.poll(choiceLabels).not.toEqual([])
  const secondOrder = await choiceLabels()
  // The same choices, lettered afresh in another order.
  const unlettered = (labels: string[]) => labels.map((l) => l.slice(3))
  expect(unlettered(secondOrder).sort()).toEqual(unlettered(firstOrder).sort())
  expect(unlettered(secondOrder)).not.toEqual(unlettered(firstOrder))
})

test('a passed quiz in the scene shows the wrong question with its right answer and explanation', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  await vr.open('yanan-yaodong')
  await vr.click('button:open-quiz')
  await vr.expectObject('panel:quiz')
  const right = rightAnswerButtons('zaoyuan-lesson')
  const wrong = wrongAnswerButtons('zaoyuan-lesson')
  // The second question wrong, the other five right: 5 / 6 passes (pass mark 0.6).
  for (const [i, q] of right.entries()) {
    for (const b of i === 1 ? (wrong[i]?.buttons ?? []) : q.buttons) await vr.click(b)
    await vr.click(i === right.length - 1 ? 'button:quiz-submit' : 'button:quiz-next')
  }
  await expect(vr.saveStatus()).toContainText('测验已保存')
  await expect.poll(() => vr.panelTexts('panel:quiz')).toContain('答对 5 / 6 题')

  await vr.click('button:quiz-review')
  const question = builtPack.lessons.find((l) => l.id === 'zaoyuan-lesson')?.quiz.questions[1]
  if (!question || question.kind === 'truefalse') throw new Error('expected a choice question second')
  const rightIds: readonly string[] = question.kind === 'single' ? [question.answer] : question.answer
  const rightTexts = question.choices.filter((c) => rightIds.includes(c.id)).map((c) => c.text.zh)
  await expect
    .poll(() => vr.panelTexts('panel:quiz'))
    .toEqual(
      expect.arrayContaining([
        '第 2 题 · 回答错误 · 1 / 1',
        question.prompt.zh,
        expect.stringMatching(/^你的答案：[A-F]\. /),
        `解析：${question.explanation.zh}`,
      ]),
    )
  const rightLine = (await vr.panelTexts('panel:quiz')).find((t) => t.startsWith('正确答案：'))
  for (const t of rightTexts) expect(rightLine).toContain(t)

  await vr.click('button:review-back')
  await expect.poll(() => vr.panelTexts('panel:quiz')).toContain('答对 5 / 6 题')
})

test('after an earlier pass, a failed attempt offers the answers and a retry side by side', async ({
  page,
}) => {
  const vr = new VrDriver(page)
  const answerAll = async (questions: { buttons: string[] }[]) => {
    await vr.click('button:open-quiz')
    await vr.expectObject('panel:quiz')
    for (const [i, q] of questions.entries()) {
      for (const b of q.buttons) await vr.click(b)
      await vr.click(i === questions.length - 1 ? 'button:quiz-submit' : 'button:quiz-next')
    }
    await expect(vr.saveStatus()).toContainText('测验已保存')
  }
  await vr.open('yanan-yaodong')
  await answerAll(rightAnswerButtons('zaoyuan-lesson'))
  // Another day: the scene again, and this time every answer wrong, with attempts left.
  await vr.open('yanan-yaodong')
  await answerAll(wrongAnswerButtons('zaoyuan-lesson'))
  await expect.poll(() => vr.panelTexts('panel:quiz')).toContain('答对 0 / 6 题')
  // Both offered, each where it can be read and pressed (they were printed over each other).
  const review = await vr.screenPoint('button:quiz-review')
  const retry = await vr.screenPoint('button:quiz-retry')
  const close = await vr.screenPoint('button:quiz-close')
  expect(retry.x - review.x).toBeGreaterThan(60)
  expect(close.x - retry.x).toBeGreaterThan(40)
  await vr.click('button:quiz-review')
  await expect.poll(() => vr.panelTexts('panel:quiz')).toContain('第 1 题 · 回答错误 · 1 / 6')
  await vr.click('button:review-back')
  await vr.click('button:quiz-retry')
  await expect.poll(() => vr.panelTexts('panel:quiz')).toContain('测验 · 第 1 题 / 共 6 题 · 单选')
})

test.describe('on a phone', () => {
  test.use({ hasTouch: true, isMobile: true })

  test('a tap on a panorama hotspot opens its narration', async ({ page }) => {
    const vr = new VrDriver(page)
    await vr.open('panorama-sample')
    await expect(page.getByText('程序生成的示意图，不是照片').first()).toBeVisible()
    await vr.tap('hotspot:baota')
    await expect(vr.narration()).toContainText('平面八角形，共九层')
  })
})

test.describe('on a phone', () => {
  test.use({ isMobile: true, hasTouch: true })

  test('an upward swipe on the stage scrolls the page to the hotspot list; a sideways drag still turns the view', async ({
    page,
  }) => {
    const vr = new VrDriver(page)
    await vr.open('huining-huishi')
    const stage = await page.getByTestId('vr-stage').boundingBox()
    if (!stage) throw new Error('no stage')
    const cdp = await page.context().newCDPSession(page)
    const swipe = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] })
      for (let i = 1; i <= 8; i++)
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8 }],
        })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    // Above the foot of the screen, where the "ready offline" notice may appear at any moment.
    const middle = { x: stage.x + stage.width / 2, y: stage.y + Math.min(stage.height, 844 - stage.y) * 0.3 }
    const before = await vr.screenPoint('hotspot:huishi-ta')
    await swipe(middle, { x: middle.x - 120, y: middle.y })

    await expect.poll(() => vr.screenPoint('hotspot:huishi-ta')).not.toEqual(before)

    const scrolled = await page.evaluate(() => window.scrollY)
    await swipe(middle, { x: middle.x, y: middle.y - 250 })
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 100)
  })
})

/**
 * A scene whose files cannot be fetched (no network, and the app's first download had not
 * stored them): the stage said "Loading the scene…" for ever, or the page went blank. It says
 * what happened, the narration and the text quiz stay usable, and 重试 loads it once the
 * network is back.
 */
test('a scene whose panorama cannot be fetched says so, keeps the text version, and 重试 loads it later', async ({
  page,
  context,
}) => {
  const panorama = (url: URL) => url.pathname.startsWith('/xr/panoramas/')
  await context.route(panorama, (route) => route.abort('internetdisconnected'))
  await page.goto('/vr/panorama-sample')
  const problem = page.getByRole('alert').filter({ hasText: '三维场景没能显示' })
  await expect(problem).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('正在加载场景…')).toHaveCount(0)
  await expect(page.getByRole('link', { name: '在课程页作答（文字版）' })).toBeVisible()
  await page.getByRole('button', { name: '延安宝塔' }).click()
  await expect(page.getByTestId('vr-narration')).toContainText('宝塔')

  await context.unroute(panorama)
  await problem.getByRole('button', { name: '重试' }).click()
  await expect(page.getByTestId('vr-stage')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await expect(problem).toHaveCount(0)
})

test('a model scene whose code could not be fetched loads on 重试 once the network is back', async ({
  page,
  context,
}) => {
  // The oath hall's own module (a file of its own, fetched when the scene opens).
  const sceneCode = (url: URL) => /\/assets\/OathHallScene-[\w-]+\.js$/.test(url.pathname)
  await context.route(sceneCode, (route) => route.abort('internetdisconnected'))
  await page.goto('/vr/oath-hall')
  const problem = page.getByRole('alert').filter({ hasText: '三维场景没能显示' })
  await expect(problem).toBeVisible({ timeout: 30_000 })

  await context.unroute(sceneCode)
  await problem.getByRole('button', { name: '重试' }).click()
  await expect(page.getByTestId('vr-stage')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await expect(problem).toHaveCount(0)
})
