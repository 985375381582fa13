import { usePreferences } from '../../i18n/i18n.tsx'
import type { Lang } from '../../platform/preferences.ts'

/** Strings of the pre-test (课前小测). zh-CN is the source; en must have every key (the type checks it). */

const zhCN = {
  title: '课前小测',
  intro: (n: number) =>
    `开始学习之前，先做 ${n} 道小题，看看你已经知道多少。不计成绩，没有及格线，不会的题可以不答。学完本课后，测验里还有这些题，到时再看答案和解析。`,
  answered: (n: number, total: number) => `已答 ${n} / ${total} 题`,
  restored: (n: number) => `已恢复上次没做完的课前小测（已答 ${n} 题）`,
  submit: '提交课前小测',
  submitting: '正在提交…',
  skip: '跳过',
  skipHint: '跳过后，本课不做课前课后对比。',
  saved: (correct: number, total: number) =>
    `已保存。课前小测答对 ${correct} / ${total} 题。答案和解析在学完本课后的测验结果里。`,
  startLesson: '开始学习',
  beforeAfter: (before: number, after: number, total: number) =>
    `课前 ${before}/${total} → 课后 ${after}/${total}（课前小测的 ${total} 道题）`,
}

export type PretestStrings = typeof zhCN

const en: PretestStrings = {
  title: 'Before you start',
  intro: (n: number) =>
    `Before the lesson, answer ${n} short questions to see what you already know. There is no score to keep and no pass mark; leave out any you do not know. The quiz after the lesson asks them again, with the answers explained.`,
  answered: (n: number, total: number) => `${n} of ${total} answered`,
  restored: (n: number) => `Your unfinished pre-test was restored (${n} answered)`,
  submit: 'Submit the pre-test',
  submitting: 'Submitting…',
  skip: 'Skip',
  skipHint: 'If you skip it, this lesson shows no before/after comparison for you.',
  saved: (correct: number, total: number) =>
    `Saved. You got ${correct} of ${total} right before the lesson. The answers are explained in the quiz result after the lesson.`,
  startLesson: 'Start the lesson',
  beforeAfter: (before: number, after: number, total: number) =>
    `Before ${before}/${total} → after ${after}/${total} (the ${total} pre-test questions)`,
}

export const pretestStrings: Record<Lang, PretestStrings> = { 'zh-CN': zhCN, en }

export function usePretestStrings(): PretestStrings {
  return pretestStrings[usePreferences().prefs.lang]
}
