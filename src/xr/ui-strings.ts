/**
 * Texts drawn in 3D by the XR runtime (panels, buttons), in Chinese and English, as the member
 * chose for the app. 3D text comes from the subset font, which covers exactly these, the scenes'
 * texts and printable ASCII (scripts/xr-font.ts). The 2D overlay uses the page's fonts and
 * src/features/vr/strings.ts.
 */
const zh = {
  close: '关闭',
  playNarration: '播放讲解',
  stopNarration: '停止讲解',
  narrationBy: '讲解：',
  quiz: '测验',
  startQuiz: '开始测验',
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
  saving: '正在保存…',
  saved: '已保存',
  saveFailed: '保存失败',
  nextLine: '下一句',
  oathDone: '宣誓完毕',
  oathWaiting: '请面向党旗，等待老师领誓',
  oathLeadHint: '没有老师带领时，请点“下一句”',
  // Only where the oath has no text in the member's language (OathBoard.tsx): never in Chinese.
  oathChineseOnly: '',
  lookHere: '老师请大家看这里',
  guidePaused: '老师已暂停课程，请稍候。',
  guideEnded: '老师已结束本次带教，你可以继续自由学习。',
  separator: ' · ',
}

export type XrStrings = {
  readonly [K in keyof typeof zh]: (typeof zh)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : string
}

const en: XrStrings = {
  close: 'Close',
  playNarration: 'Play narration',
  stopNarration: 'Stop narration',
  narrationBy: 'Narration: ',
  quiz: 'Quiz',
  startQuiz: 'Start the quiz',
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
  saving: 'Saving…',
  saved: 'Saved',
  saveFailed: 'Could not save',
  nextLine: 'Next line',
  oathDone: 'Oath taken',
  oathWaiting: 'Face the Party flag and wait for the trainer to lead',
  oathLeadHint: 'With no trainer leading, select “Next line”',
  oathChineseOnly: 'The oath is shown in Chinese only.',
  lookHere: 'The trainer asks you to look here',
  guidePaused: 'The trainer has paused the class. Please wait.',
  guideEnded: 'The trainer has ended the guided session; carry on at your own pace.',
  separator: ' · ',
}

/** The 3D texts for the app's language. */
export const xrStringsFor = (lang: 'zh-CN' | 'en'): XrStrings => (lang === 'en' ? en : zh)

/** Every 3D UI text with its numbers filled by digits (which are ASCII and always covered). */
export function xrUiTexts(): string[] {
  return [zh, en].flatMap((table) =>
    Object.values(table).map((v) => (typeof v === 'function' ? (v as (...a: number[]) => string)(1, 2) : v)),
  )
}
