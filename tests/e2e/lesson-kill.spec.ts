import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test'
import { shownChoice } from './content.ts'
import { test as base, expect } from './fixtures.ts'

/**
 * Fault row 1 of notes/reliability.md: the browser is killed mid-quiz after 3 answers. The
 * draft must come back with those answers, and nothing may reach the outbox until the member
 * submits.
 *
 * Closing a Playwright context still lets the browser shut down in order, so this test starts
 * Chromium itself on a profile directory, drives it over CDP and ends it with SIGKILL (to its
 * own process group: renderers included), which is what a phone's low-memory killer or a
 * battery pull does. Then it starts Chromium again on the same profile.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LESSON = '/lessons/zaoyuan-lesson'

interface RunningChromium {
  readonly proc: ChildProcess
  readonly browser: Browser
  readonly exited: Promise<void>
}

async function launchChromium(profileDir: string): Promise<RunningChromium> {
  const proc = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const endpoint = await new Promise<string>((resolve, reject) => {
    let log = ''
    // Keeps draining stderr for the browser's whole life, or a full pipe would block it.
    proc.stderr?.on('data', (chunk: Buffer) => {
      if (log.length > 100_000) return
      log += chunk.toString()
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(log)
      if (found?.[1]) resolve(found[1])
    })
    void exited.then(() => reject(new Error(`Chromium exited before it was ready:\n${log}`)))
  })
  return { proc, browser: await chromium.connectOverCDP(endpoint), exited }
}

async function killHard(run: RunningChromium) {
  const alive = run.proc.exitCode === null && run.proc.signalCode === null
  if (alive && run.proc.pid !== undefined) {
    try {
      process.kill(-run.proc.pid, 'SIGKILL')
    } catch (e) {
      // ESRCH: it ended on its own a moment ago; the exit below still arrives.
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e
    }
  }
  await run.exited
}

/** The profile's only context, with the same rule as every e2e test: no request to another host. */
async function appPage(run: RunningChromium, baseURL: string, foreign: string[]): Promise<Page> {
  const context: BrowserContext = run.browser.contexts()[0] ?? (await run.browser.newContext())
  const own = new URL(baseURL).host
  const isForeign = (url: URL) => (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own
  context.on('request', (r) => {
    if (isForeign(new URL(r.url()))) foreign.push(r.url())
  })
  await context.route(isForeign, (route) => route.abort('blockedbyclient'))
  return context.pages()[0] ?? (await context.newPage())
}

/** What the device database holds, read the way the app stores it (hongtu: records, outbox, drafts). */
function readDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ counts: Record<string, number>; records: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('hongtu')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['records', 'outbox', 'drafts'], 'readonly')
          const counts: Record<string, number> = {}
          const records: unknown[] = []
          for (const name of ['records', 'outbox', 'drafts']) {
            const req = tx.objectStore(name).count()
            req.onsuccess = () => {
              counts[name] = req.result
            }
          }
          const all = tx.objectStore('records').getAll()
          all.onsuccess = () => records.push(...all.result)
          tx.oncomplete = () => {
            db.close()
            resolve({ counts, records })
          }
        }
      }),
  )
}

const question = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^第 ${n} 题`) })
const ANSWERS = [
  { n: 1, label: shownChoice('zaoyuan-lesson', '延园') },
  { n: 3, label: '正确' },
  { n: 4, label: shownChoice('zaoyuan-lesson', '“只要你说得对，我们就改正”') },
]

interface ChromiumProfile {
  readonly origin: string
  /** Starts Chromium on the profile and returns it with its page, guarded against other hosts. */
  readonly launch: () => Promise<{ run: RunningChromium; page: Page }>
}

/**
 * Chromium on one profile directory that outlives a kill. The teardown ends every browser it
 * started and removes the profile, also when the test fails or times out (a detached browser
 * would otherwise outlive the run), and fails the test on any request to another host.
 */
const test = base.extend<{ profile: ChromiumProfile }>({
  profile: async ({ baseURL }, use) => {
    const origin = baseURL ?? 'http://localhost'
    const dir = await mkdtemp(join(tmpdir(), 'hongtu-kill-'))
    const started: RunningChromium[] = []
    const foreign: string[] = []
    await use({
      origin,
      launch: async () => {
        const run = await launchChromium(dir)
        started.push(run)
        return { run, page: await appPage(run, origin, foreign) }
      },
    })
    for (const run of started) await killHard(run)
    await rm(dir, { recursive: true, force: true })
    expect(foreign, 'requests to other hosts').toEqual([])
  },
})

test('a quiz killed after 3 answers comes back with them, and nothing is queued before the submit', async ({
  profile,
}) => {
  test.setTimeout(120_000)
  const lessonUrl = new URL(LESSON, profile.origin).href
  const first = await profile.launch()
  await first.page.goto(lessonUrl)
  await first.page.getByRole('button', { name: '远程学习' }).click()
  await first.page.getByRole('navigation', { name: '课程环节' }).getByRole('button', { name: '测验' }).click()
  for (const { n, label } of ANSWERS) await question(first.page, n).getByLabel(label, { exact: true }).check()
  // What the member sees once the third answer is durably stored; only then is it a promise.
  await expect(first.page.getByText('已答 3 / 6 题')).toBeVisible()
  await expect(first.page.getByText('已自动保存')).toBeVisible()
  expect((await readDatabase(first.page)).counts).toEqual({ records: 0, outbox: 0, drafts: 1 })

  await killHard(first.run)
  const { page } = await profile.launch()
  await page.goto(lessonUrl)

  await expect(page.getByText('已恢复上次未完成的答题（已答 3 题）')).toBeVisible()
  for (const { n, label } of ANSWERS)
    await expect(question(page, n).getByLabel(label, { exact: true })).toBeChecked()
  await expect(question(page, 2).getByRole('radio', { checked: true })).toHaveCount(0)
  expect((await readDatabase(page)).counts).toEqual({ records: 0, outbox: 0, drafts: 1 })

  await page.getByRole('button', { name: '提交答案' }).click()
  await page.getByRole('button', { name: '仍然提交' }).click()
  await expect(page.getByRole('heading', { name: '第 1 次作答结果' })).toBeVisible()
  const after = await readDatabase(page)
  // The record and its outbox entry arrived together, and the draft left in the same transaction.
  expect(after.counts).toEqual({ records: 1, outbox: 1, drafts: 0 })
  expect(after.records[0]).toMatchObject({
    kind: 'quiz.submitted',
    payload: {
      attempt: 1,
      mode: 'remote',
      answers: { q1: ['a'], q3: true, q4: ['b'] },
      correct: 2,
      total: 6,
    },
  })
})
