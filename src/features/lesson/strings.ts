import type { ResultReview } from '../../domain/lesson/result-review.ts'
import { usePreferences } from '../../i18n/i18n.tsx'
import type { Lang } from '../../platform/preferences.ts'

/** Strings of the lesson player (现场教学). zh-CN is the source; en must have every key (the type checks it). */

type RecordedMode = 'onsite' | 'remote' | 'vr'
type QuestionKind = 'single' | 'multiple' | 'truefalse'
type AnswersAfter = Extract<ResultReview, { show: 'marks' }>['answersAfter']
const pct = (share: number) => Math.round(share * 100)

const zhCN = {
  opening: '正在打开课程…',
  recordsUnavailable: '无法打开本机学习记录，暂时不能学习本课。请关闭其他红途页面后重新打开。',
  closedForUpdate: '应用正在更新，马上自动刷新…',
  backToSite: (site: string) => `返回${site}`,

  modeLabel: (mode: RecordedMode) => ({ onsite: '现场学习', remote: '远程学习', vr: 'VR 学习' })[mode],
  /** The same, at the start of a line. */
  modeTitle: (mode: RecordedMode) => zhCN.modeLabel(mode),
  onsiteNote: '你已在本站打卡，本课记为现场学习。',
  onsiteConfirmedNote: '带教老师已确认你在本站到场，本课记为现场学习。',
  remoteNote: '本课记为远程学习。到了现场，先打卡再学，就记为现场学习。',
  chooseTitle: '怎样学习本课？',
  chooseBody:
    '你还没有在本站打卡。在现场打卡后学习，记为现场学习；不在现场（例如在外地工作），本课可以远程学习，记为远程学习。',
  startRemote: '远程学习',
  goCheckin: '去打卡',
  checkinRequiredTitle: '本课需要在现场学习',
  checkinRequiredBody: '本课只能在现场学习。请到达站点后先打卡，再开始学习。',

  partsLabel: '课程环节',
  partSteps: '学习内容',
  partQuiz: '测验',
  partReflection: '心得体会',

  stepCounter: (n: number, total: number) => `第 ${n} 步 / 共 ${total} 步`,
  stepUntitled: (n: number) => `第 ${n} 步`,
  stepImage: '看图',
  discussion: '讨论',
  discussionHint: '请围绕这个问题和大家交流。你的想法可以写进“心得体会”。',
  transcript: '文字稿',
  imageFailed: '图片无法显示（可能还没有下载到本机）。图片内容：',
  audioFailed: '音频无法播放（可能还没有下载到本机）。请阅读下面的文字稿。',
  previousStep: '上一步',
  nextStep: '下一步',
  startQuiz: '开始测验',

  quizIntro: (total: number, needed: number, passMark: number) =>
    `共 ${total} 题，答对 ${needed} 题及格（及格线 ${pct(passMark)}%）。每题答完会自动保存。`,
  attemptsInfo: (used: number, max: number) =>
    max === 0 ? `不限作答次数，已作答 ${used} 次。` : `可作答 ${max} 次，已作答 ${used} 次。`,
  questionNumber: (n: number) => `第 ${n} 题`,
  questionLabel: (n: number, kind: QuestionKind) =>
    `第 ${n} 题（${{ single: '单选', multiple: '多选，可选多项', truefalse: '判断' }[kind]}）`,
  trueLabel: '正确',
  falseLabel: '错误',
  answered: (n: number, total: number) => `已答 ${n} / ${total} 题`,
  restored: (n: number) => `已恢复上次未完成的答题（已答 ${n} 题）`,
  draftSaved: '已自动保存',
  draftSaving: '正在保存…',
  submitQuiz: '提交答案',
  submitting: '正在提交…',
  confirmUnanswered: (n: number) => `还有 ${n} 题没有作答，没答的题按答错计分。确定要提交吗？`,
  confirmSubmit: '仍然提交',
  keepAnswering: '继续答题',
  storageFull: '存储空间已满，没能保存。请清理手机空间后重试；你填写的内容仍保留在这里。',
  saveFailed: '保存失败，请重试；你填写的内容仍保留在这里。',
  storageFullShort: '存储空间已满，请清理手机空间后重试。',

  resultTitle: (attempt: number) => `第 ${attempt} 次作答结果`,
  resultScore: (correct: number, total: number, share: number) =>
    `答对 ${correct} / ${total} 题，得分 ${pct(share)}%。`,
  passed: '已通过。',
  failed: (passMark: number) => `未通过（及格线 ${pct(passMark)}%）。`,
  saved: '已保存。',
  completed: (mode: RecordedMode) => `本课已完成（${zhCN.modeLabel(mode)}）。`,
  completionSaving: '正在保存完成记录…',
  completionMissing: '测验已通过，但本课的完成记录还没有保存。',
  saveCompletion: '保存完成记录',
  attemptsLeft: (n: number) => `还有 ${n} 次作答机会。`,
  answersHeldBack: (after: AnswersAfter): string =>
    after === 'passing'
      ? '答错的题已标出，请再想一想。通过测验后，会显示正确答案和解析。'
      : '答错的题已标出，请再想一想。通过测验或用完作答机会后，会显示正确答案和解析。',
  newChoiceOrder: '这一次，选项的顺序和上次不同，请看清每个选项再作答。',
  retry: '重新答题',
  attemptsUsedUp: (max: number) =>
    `${max} 次作答机会已经用完。成绩已记入学习记录，带教老师可以看到；可以继续复习本课，并写下学习心得。`,
  verdictRight: '✓ 回答正确',
  verdictWrong: '✗ 回答错误',
  verdictUnanswered: '✗ 没有作答',
  yourAnswer: '你的答案：',
  correctAnswer: '正确答案：',
  noAnswer: '（未作答）',
  listSeparator: '；',
  explanation: '解析：',
  toReflection: '写心得体会',

  reflectionHint: '写下本课给你的启发，以及打算在工作中怎样做。输入的内容会自动保存为草稿。',
  reflectionLabel: '我的心得体会',
  charCount: (n: number, max: number) => `已写 ${n} 字，最多 ${max} 字`,
  reflectionRestored: '已恢复上次没写完的心得体会。',
  submitReflection: '提交心得体会',
  reflectionSaved: '心得体会已保存。',
  pastReflections: '我写过的心得体会',

  startLesson: '开始学习',
  continueLesson: '继续学习',
  reviewLesson: '复习本课',
  statusNotStarted: '未开始',
  statusStarted: '学习中',
  statusTried: (attempts: number, best: number) => `已作答 ${attempts} 次 · 最高分 ${pct(best)}%`,
  statusCompleted: (best?: number) => (best === undefined ? '已完成' : `已完成 · 最高分 ${pct(best)}%`),
}

export type LessonStrings = typeof zhCN

const en: LessonStrings = {
  opening: 'Opening the lesson…',
  recordsUnavailable:
    "This device's study records could not be opened, so the lesson cannot be taken now. Close other Hongtu tabs and open it again.",
  closedForUpdate: 'The app is updating and will refresh in a moment…',
  backToSite: (site: string) => `Back to ${site}`,

  modeLabel: (mode: RecordedMode) => ({ onsite: 'on site', remote: 'remote', vr: 'in VR' })[mode],
  modeTitle: (mode: RecordedMode) => ({ onsite: 'On site', remote: 'Remote', vr: 'In VR' })[mode],
  onsiteNote: 'You have checked in at this site: this lesson is recorded as taken on site.',
  onsiteConfirmedNote:
    'Your trainer has confirmed you are at this site: this lesson is recorded as taken on site.',
  remoteNote:
    'This lesson is recorded as remote study. At the site, check in first to have it recorded on site.',
  chooseTitle: 'How will you take this lesson?',
  chooseBody:
    'You have not checked in at this site. Taken after a check-in, the lesson counts as on site; away from the site (for example working elsewhere) you may take it remotely, and it is recorded as remote.',
  startRemote: 'Study remotely',
  goCheckin: 'Check in',
  checkinRequiredTitle: 'This lesson is taken on site',
  checkinRequiredBody: 'This lesson can only be taken on site. At the site, check in first, then start.',

  partsLabel: 'Lesson parts',
  partSteps: 'Lesson',
  partQuiz: 'Quiz',
  partReflection: 'Reflection',

  stepCounter: (n: number, total: number) => `Step ${n} of ${total}`,
  stepUntitled: (n: number) => `Step ${n}`,
  stepImage: 'Picture',
  discussion: 'Discussion',
  discussionHint: 'Talk this question over with the group. Your thoughts can go into your reflection.',
  transcript: 'Transcript',
  imageFailed: 'The picture cannot be shown (it may not be on this device yet). It shows:',
  audioFailed: 'The audio cannot be played (it may not be on this device yet). Read the transcript below.',
  previousStep: 'Previous',
  nextStep: 'Next',
  startQuiz: 'Start the quiz',

  quizIntro: (total: number, needed: number, passMark: number) =>
    `${total} questions; ${needed} right passes (pass mark ${pct(passMark)}%). Every answer is saved as you go.`,
  attemptsInfo: (used: number, max: number) =>
    max === 0 ? `Unlimited attempts; ${used} used.` : `${max} attempts allowed; ${used} used.`,
  questionNumber: (n: number) => `Question ${n}`,
  questionLabel: (n: number, kind: QuestionKind) =>
    `Question ${n} (${{ single: 'one answer', multiple: 'choose all that apply', truefalse: 'true or false' }[kind]})`,
  trueLabel: 'True',
  falseLabel: 'False',
  answered: (n: number, total: number) => `${n} of ${total} answered`,
  restored: (n: number) => `Your unfinished quiz was restored (${n} answered)`,
  draftSaved: 'Saved automatically',
  draftSaving: 'Saving…',
  submitQuiz: 'Submit answers',
  submitting: 'Submitting…',
  confirmUnanswered: (n: number) =>
    `${n} question${n === 1 ? ' is' : 's are'} unanswered and will count as wrong. Submit anyway?`,
  confirmSubmit: 'Submit anyway',
  keepAnswering: 'Keep answering',
  storageFull:
    'Storage is full, so this was not saved. Free up space on the phone and try again; what you entered is kept here.',
  saveFailed: 'Saving failed. Please try again; what you entered is kept here.',
  storageFullShort: 'Storage is full: free up space on the phone and try again.',

  resultTitle: (attempt: number) => `Result of attempt ${attempt}`,
  resultScore: (correct: number, total: number, share: number) =>
    `${correct} of ${total} right, a score of ${pct(share)}%.`,
  passed: 'Passed.',
  failed: (passMark: number) => `Not passed (the pass mark is ${pct(passMark)}%).`,
  saved: 'Saved.',
  completed: (mode: RecordedMode) => `Lesson completed (${en.modeLabel(mode)}).`,
  completionSaving: 'Saving the completion…',
  completionMissing: 'The quiz was passed, but the lesson completion has not been saved yet.',
  saveCompletion: 'Save the completion',
  attemptsLeft: (n: number) => `${n} attempt${n === 1 ? '' : 's'} left.`,
  answersHeldBack: (after: AnswersAfter) =>
    after === 'passing'
      ? 'The questions you got wrong are marked: think them over again. The right answers and explanations are shown once you pass.'
      : 'The questions you got wrong are marked: think them over again. The right answers and explanations are shown once you pass or have used all your attempts.',
  newChoiceOrder: 'This time the choices are in a different order: read each one before you answer.',
  retry: 'Try again',
  attemptsUsedUp: (max: number) =>
    `All ${max} attempts have been used. Your score is in your record, where your trainer sees it; you can still review the lesson and write a reflection.`,
  verdictRight: '✓ Right',
  verdictWrong: '✗ Wrong',
  verdictUnanswered: '✗ Not answered',
  yourAnswer: 'Your answer: ',
  correctAnswer: 'Correct answer: ',
  noAnswer: '(none)',
  listSeparator: '; ',
  explanation: 'Why: ',
  toReflection: 'Write a reflection',

  reflectionHint:
    'Write what this lesson taught you and what you will do at work. It is saved as a draft as you type.',
  reflectionLabel: 'My reflection',
  charCount: (n: number, max: number) => `${n} of at most ${max} characters`,
  reflectionRestored: 'Your unfinished reflection was restored.',
  submitReflection: 'Submit reflection',
  reflectionSaved: 'Reflection saved.',
  pastReflections: 'My earlier reflections',

  startLesson: 'Start the lesson',
  continueLesson: 'Continue the lesson',
  reviewLesson: 'Review the lesson',
  statusNotStarted: 'Not started',
  statusStarted: 'In progress',
  statusTried: (attempts: number, best: number) =>
    `${attempts} attempt${attempts === 1 ? '' : 's'} · best score ${pct(best)}%`,
  statusCompleted: (best?: number) =>
    best === undefined ? 'Completed' : `Completed · best score ${pct(best)}%`,
}

export const lessonStrings: Record<Lang, LessonStrings> = { 'zh-CN': zhCN, en }

export function useLessonStrings(): LessonStrings {
  return lessonStrings[usePreferences().prefs.lang]
}

/** A record's device time as the member reads it, e.g. 2025年5月1日 14:05. */
export function formatRecordTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}
