import { usePreferences } from '../i18n/i18n.tsx'

/**
 * The VR quiz panel's texts, its answer review's among them (QuizPanel.tsx, QuizReview.tsx). Kept apart from ui-strings.ts: only a screen's lazily loaded part
 * draws them, and every scene's first load counts against the VR budget. ui-texts.ts lists them
 * for the 3D font.
 */
const zh = {
  questionOf: (n: number, total: number) => `第 ${n} 题 / 共 ${total} 题`,
  kindSingle: '单选',
  kindMultiple: '多选',
  kindTrueFalse: '判断',
  trueLabel: '正确',
  falseLabel: '错误',
  previous: '上一题',
  next: '下一题',
  submit: '提交答案',
  unanswered: (n: number) => `还有 ${n} 题未答`,
  result: (correct: number, total: number) => `答对 ${correct} / ${total} 题`,
  passed: '测验通过',
  notPassed: '未达到及格线',
  retry: '再做一次',
  wrongQuestions: (list: string) => `答错的题：第 ${list} 题`,
  listSeparator: '、',
  attemptsLeftHint: (n: number) => `还有 ${n} 次机会，请再想一想`,
  thinkAgain: '请再想一想，可以再做一次',
  noAttemptsLeft: '本课的测验次数已用完',
  reviewAnswers: '看答案与解析',
  reviewRight: (n: number) => `第 ${n} 题 · 回答正确`,
  reviewWrong: (n: number) => `第 ${n} 题 · 回答错误`,
  reviewPageOf: (n: number, total: number) => `${n} / ${total}`,
  yourAnswer: '你的答案：',
  correctAnswer: '正确答案：',
  explanation: '解析：',
  backToResult: '返回成绩',
}

export type XrQuizStrings = typeof zh

const en: XrQuizStrings = {
  questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
  kindSingle: 'One answer',
  kindMultiple: 'All that apply',
  kindTrueFalse: 'True or false',
  trueLabel: 'True',
  falseLabel: 'False',
  previous: 'Previous',
  next: 'Next',
  submit: 'Submit',
  unanswered: (n: number) => `${n} left to answer`,
  result: (correct: number, total: number) => `${correct} of ${total} right`,
  passed: 'Quiz passed',
  notPassed: 'Below the pass mark',
  retry: 'Try again',
  wrongQuestions: (list: string) => `Questions answered wrong: ${list}`,
  listSeparator: ', ',
  attemptsLeftHint: (n: number) => `${n} attempt${n === 1 ? '' : 's'} left: think them over again`,
  thinkAgain: 'Think them over, then try again',
  noAttemptsLeft: 'No quiz attempts left for this lesson',
  reviewAnswers: 'Answers and explanations',
  reviewRight: (n: number) => `Question ${n} · right`,
  reviewWrong: (n: number) => `Question ${n} · wrong`,
  reviewPageOf: (n: number, total: number) => `${n} / ${total}`,
  yourAnswer: 'Your answer: ',
  correctAnswer: 'Correct answer: ',
  explanation: 'Why: ',
  backToResult: 'Back to the result',
}

export const xrQuizTables: readonly XrQuizStrings[] = [zh, en]

export function useQuizStrings(): XrQuizStrings {
  return usePreferences().prefs.lang === 'en' ? en : zh
}
