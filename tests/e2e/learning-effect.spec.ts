import { logIn } from './account.ts'
import { seriousViolations } from './axe.ts'
import { shownChoice } from './content.ts'
import { DEMO_CLASS, freshClassMember, PretestDriver, TRAINER1 } from './effect-driver.ts'
import { expect, test } from './fixtures.ts'
import { readStore } from './idb.ts'

/**
 * Learning effect end to end (issue 7, item 6): a member of the demo class takes a lesson with a
 * pre-test (课前小测) — pre-test, lesson, quiz — and syncs; the class's trainer then sees which
 * questions were hard and the member's score before and after. The pre-test is part of the
 * lesson player, so it works offline like the rest of it: answers survive a reload, the record
 * waits in the outbox, and "跳过" is remembered.
 *
 * yangjialing-lesson's pre-test asks its quiz questions q1, q2, q3 and q6, numbered 1–4 there.
 */

test('a pre-test, the lesson and its quiz show in the trainer’s learning effect', async ({
  page,
  browser,
  baseURL,
  foreignRequests,
}) => {
  void foreignRequests // the fixture fails the test on any request to another host
  const member = await freshClassMember(baseURL ?? '', `课前测学员${Date.now().toString(36).slice(-4)}`)
  await logIn(page, member)
  await page.goto('/sites/yangjialing')
  await page.getByRole('link', { name: '开始学习' }).click()
  await page.getByRole('button', { name: '远程学习' }).click()

  const pretest = new PretestDriver(page)
  await expect(pretest.heading()).toBeFocused()
  await expect(page.getByText('开始学习之前，先做 4 道小题')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await pretest.answer(1, shownChoice('yangjialing-lesson', '杨家岭中央大礼堂')) // right
  await pretest.answer(2, shownChoice('yangjialing-lesson', '1938年')) // wrong; 3 left unanswered
  await pretest.answer(4, shownChoice('yangjialing-lesson', '《愚公移山》')) // right
  await pretest.submit()
  await expect(page.getByRole('status').filter({ hasText: '课前小测答对 2 / 4 题' })).toBeVisible()
  // No verdicts or explanations before the lesson.
  await expect(page.getByText('解析：')).toHaveCount(0)
  await pretest.startLesson()
  await pretest.readToQuiz()

  const quiz = (n: number) => page.getByRole('group', { name: new RegExp(`^第 ${n} 题`) })
  await quiz(1).getByLabel(shownChoice('yangjialing-lesson', '杨家岭中央大礼堂'), { exact: true }).check()
  await quiz(2).getByLabel(shownChoice('yangjialing-lesson', '1942年'), { exact: true }).check()
  for (const c of [
    shownChoice('yangjialing-lesson', '反对主观主义以整顿学风'),
    shownChoice('yangjialing-lesson', '反对宗派主义以整顿党风'),
    shownChoice('yangjialing-lesson', '反对党八股以整顿文风'),
  ])
    await quiz(3).getByLabel(c, { exact: true }).check()
  await quiz(4).getByLabel('正确', { exact: true }).check()
  await quiz(5).getByLabel('正确', { exact: true }).check() // wrong: the one hard question
  await quiz(6).getByLabel(shownChoice('yangjialing-lesson', '《愚公移山》'), { exact: true }).check()
  await page.getByRole('button', { name: '提交答案' }).click()
  await expect(page.getByText('答对 5 / 6 题')).toBeVisible()
  await expect(page.getByText('课前 2/4 → 课后 4/4')).toBeVisible()
  // The pre-test was not an attempt: this is the first one.
  await expect(page.getByRole('heading', { name: '第 1 次作答结果' })).toBeVisible()
  // Synced: the outbox is empty (the lesson's three records reached the server).
  await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 15_000 }).toBe(0)

  const trainerContext = await browser.newContext()
  const trainer = await trainerContext.newPage()
  try {
    await logIn(trainer, TRAINER1)
    await trainer.goto(`/trainer/classes/${DEMO_CLASS.id}/effect`)
    await expect(trainer.getByRole('heading', { level: 1 })).toHaveText(`学习效果 · ${DEMO_CLASS.name}`)
    const lesson = trainer.getByRole('region', { name: '从整风到七大：杨家岭的实事求是之路' })
    await expect(lesson).toBeVisible()
    const questions = lesson.getByRole('listitem')
    await expect(questions).toHaveCount(6)
    // Hardest first: question 5, which the member got wrong.
    await expect(questions.first()).toContainText('第 5 题')
    await expect(questions.first()).toContainText('中共中央机关是在1945年党的七大召开之后')
    await expect(questions.first()).toContainText('答对率 0%（1 人中 0 人答对）')
    const q2 = questions.filter({ hasText: '延安文艺座谈会是在哪一年召开的？' })
    await expect(q2).toContainText('答对率 100%（1 人中 1 人答对）')
    await expect(q2).toContainText('课前小测答对率 0%（1 人中 0 人）')

    const prePost = lesson.getByRole('region', { name: '课前课后对比（课前小测 4 题）' })
    await expect(prePost).toContainText('课前平均 50% → 课后平均 100%（+50 个百分点）')
    const row = prePost.getByRole('row', { name: new RegExp(member.name) })
    await expect(row.getByRole('cell')).toHaveText(['2/4', '4/4', '+2 题'])
    expect(await seriousViolations(trainer)).toEqual([])
  } finally {
    await trainerContext.close()
  }
})

test('the pre-test works offline, keeps its answers through a reload, and remembers a skip', async ({
  app,
  page,
  context,
  baseURL,
}) => {
  await logIn(page, await freshClassMember(baseURL ?? '', '离线学员'))
  await app.waitForOfflineReady()
  await context.setOffline(true)

  // jingyuan-duhe-jinianguan-lesson asks q1, q3, q5 and q6 before the lesson.
  await page.goto('/sites/jingyuan-duhe-jinianguan')
  await page.getByRole('link', { name: '开始学习' }).click()
  await page.getByRole('button', { name: '远程学习' }).click()
  const pretest = new PretestDriver(page)
  await expect(pretest.heading()).toBeVisible()
  await pretest.question(3).getByLabel('错误', { exact: true }).check()
  await expect(page.getByText('已自动保存')).toBeVisible()

  await page.reload()
  await expect(pretest.heading()).toBeVisible()
  await expect(page.getByText('已恢复上次没做完的课前小测（已答 1 题）')).toBeVisible()
  await expect(pretest.question(3).getByLabel('错误', { exact: true })).toBeChecked()
  await pretest.submit()
  await expect(page.getByRole('status').filter({ hasText: '课前小测答对 1 / 4 题' })).toBeVisible()
  const records = await readStore<{
    kind: string
    payload: { phase?: string; correct: number; total: number }
  }>(page, 'records')
  expect(records.map((r) => [r.kind, r.payload.phase, r.payload.correct, r.payload.total])).toEqual([
    ['quiz.submitted', 'pre', 1, 4],
  ])
  expect(await readStore(page, 'outbox')).toHaveLength(1)
  await pretest.startLesson()
  // Reopened, the lesson goes straight to its steps: the pre-test is done.
  await page.reload()
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('第 1 步')
  await expect(pretest.heading()).toHaveCount(0)

  // Skipped: the lesson starts at once, and the pre-test is not offered again.
  await page.goto('/sites/yimeng-hongsao-jinianguan')
  await page.getByRole('link', { name: '开始学习' }).click()
  await page.getByRole('button', { name: '远程学习' }).click()
  await expect(pretest.heading()).toBeVisible()
  await expect(page.getByText('跳过后，本课不做课前课后对比。')).toBeVisible()
  await pretest.skip()
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('第 1 步')
  await page.reload()
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('第 1 步')
  await expect(pretest.heading()).toHaveCount(0)
  expect(await readStore(page, 'records')).toHaveLength(1)
  await context.setOffline(false)
})
