import { usePreferences } from '../../i18n/i18n.tsx'
import type { Lang } from '../../platform/preferences.ts'

/** Strings of the learning-effect screen (学习效果). zh-CN is the source; en must have every key. */

const pct = (share: number) => Math.round(share * 100)
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

const zhCN = {
  title: '学习效果',
  backToClass: '返回班次',
  loading: '正在读取学习效果…',
  refresh: '刷新',
  refreshing: '正在刷新…',
  updatedAt: (time: string) => `更新于 ${time}`,
  offlineTitle: '需要联网查看',
  offlineBody: '学习效果由服务器汇总全班已同步的测验记录。请连上网络后再打开本页。',
  staleOffline: '现在离线，下面是上次读取的结果。',
  retry: '重试',
  forbiddenTitle: '只有本班带教老师可以查看',
  forbiddenBody: '学习效果包含全班学员的成绩，只对本班带教老师和管理员开放。',
  notFoundTitle: '找不到这个班次',
  notFoundBody: '班次不存在，或者你不是它的带教老师。',
  loggedOutTitle: '登录已过期',
  loggedOutBody: '请重新登录后再查看。',
  logIn: '登录',
  errorTitle: '暂时无法读取学习效果',
  errorBody: (status: number) => `服务器出错（${status}），请稍后再试。`,

  howCounted:
    '每位学员只计学完课程后的第一次测验，重新答题不计，所以答对率反映第一次学完的掌握情况。题目按答对率从低到高排列：排在前面的题最难。只统计已同步到服务器的记录。',
  noAttempts: '本班还没有测验记录。学员完成课程测验并同步后，这里显示每道题的答对率。',
  membersAnswered: (n: number, members: number) => `${members} 名学员中 ${n} 人已作答`,
  questionsTitle: '各题答对率（从难到易）',
  questionNumber: (n: number) => `第 ${n} 题`,
  share: (share: number | null, correct: number, attempts: number) =>
    share === null ? '还没有人作答' : `答对率 ${pct(share)}%（${attempts} 人中 ${correct} 人答对）`,
  preShare: (share: number | null, correct: number, attempts: number) =>
    share === null
      ? '课前小测：还没有人做'
      : `课前小测答对率 ${pct(share)}%（${attempts} 人中 ${correct} 人）`,

  prePostTitle: (total: number) => `课前课后对比（课前小测 ${total} 题）`,
  prePostHow:
    '同一批题目：课前小测在学习本课之前做，课后成绩取学完后第一次测验中这些题的得分。全班平均只算课前、课后都有成绩的学员。',
  noneWithBoth: '还没有学员同时有课前和课后成绩。',
  classSummary: (n: number, pre: number, post: number, delta: number) =>
    `课前课后都有成绩的 ${n} 人：课前平均 ${pct(pre)}% → 课后平均 ${pct(post)}%（${signed(Math.round(delta * 100))} 个百分点）。`,
  changeCounts: (improved: number, unchanged: number, declined: number) =>
    `提高 ${improved} 人，持平 ${unchanged} 人，下降 ${declined} 人。`,
  signTest: (p: number) =>
    `符号检验 p = ${p < 0.001 ? '< 0.001' : p.toFixed(3)}：p 越小，提高越不像是偶然；p 小于 0.05 通常视为确有提高。人数少时，这个检验看不出差别。`,
  tableCaption: '每位学员的课前和课后成绩（答对题数）',
  colMember: '学员',
  colPre: '课前',
  colPost: '课后',
  colChange: '变化',
  notTaken: '未做',
  skippedOrNotTaken: '跳过或未做',
  notYet: '未作答',
  noChange: '—',
  score: (n: number, total: number) => `${n}/${total}`,
  change: (delta: number) => `${signed(delta)} 题`,
  classMean: (n: number) => `全班平均（${n} 人）`,
  meanShare: (share: number) => `${pct(share)}%`,
  meanChange: (delta: number) => `${signed(Math.round(delta * 100))} 个百分点`,
  barLabel: (share: number) => `${pct(share)}%`,
}

export type EffectStrings = typeof zhCN

const en: EffectStrings = {
  title: 'Learning effect',
  backToClass: 'Back to the class',
  loading: 'Reading the learning effect…',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  updatedAt: (time: string) => `Updated ${time}`,
  offlineTitle: 'Needs a connection',
  offlineBody:
    "The server sums up the class's synced quiz records. Connect to the network and open this page again.",
  staleOffline: 'You are offline; this is the result last read.',
  retry: 'Try again',
  forbiddenTitle: "Only the class's trainers can see this",
  forbiddenBody:
    "The learning effect holds every member's scores: only the class's trainers and admins see it.",
  notFoundTitle: 'Class not found',
  notFoundBody: 'The class does not exist, or you are not one of its trainers.',
  loggedOutTitle: 'Your login has expired',
  loggedOutBody: 'Log in again to see it.',
  logIn: 'Log in',
  errorTitle: 'The learning effect cannot be read now',
  errorBody: (status: number) => `The server failed (${status}). Try again later.`,

  howCounted:
    "Each member's first quiz after the lesson counts, retries do not, so the shares show what members knew after studying the lesson once. Questions are listed from the lowest share right: the hardest first. Only records synced to the server are counted.",
  noAttempts:
    'No quiz records in this class yet. When members take a lesson quiz and sync, the share right per question appears here.',
  membersAnswered: (n: number, members: number) => `${n} of ${members} members have answered`,
  questionsTitle: 'Share right per question (hardest first)',
  questionNumber: (n: number) => `Question ${n}`,
  share: (share: number | null, correct: number, attempts: number) =>
    share === null ? 'No one has answered yet' : `${pct(share)}% right (${correct} of ${attempts} members)`,
  preShare: (share: number | null, correct: number, attempts: number) =>
    share === null ? 'Pre-test: no one yet' : `Pre-test: ${pct(share)}% right (${correct} of ${attempts})`,

  prePostTitle: (total: number) => `Before and after (the ${total} pre-test questions)`,
  prePostHow:
    'The same questions: the pre-test is taken before the lesson, the score after is on these questions in the first quiz after it. Class means count members with both only.',
  noneWithBoth: 'No member has a score both before and after yet.',
  classSummary: (n: number, pre: number, post: number, delta: number) =>
    `${n} member${n === 1 ? '' : 's'} with both: mean ${pct(pre)}% before → ${pct(post)}% after (${signed(Math.round(delta * 100))} percentage points).`,
  changeCounts: (improved: number, unchanged: number, declined: number) =>
    `${improved} improved, ${unchanged} unchanged, ${declined} declined.`,
  signTest: (p: number) =>
    `Sign test p = ${p < 0.001 ? '< 0.001' : p.toFixed(3)}: the smaller p, the less the gain looks like chance; below 0.05 is usually taken as a real gain. With few members this test cannot show a difference.`,
  tableCaption: "Each member's score before and after (questions right)",
  colMember: 'Member',
  colPre: 'Before',
  colPost: 'After',
  colChange: 'Change',
  notTaken: 'Not taken',
  skippedOrNotTaken: 'Skipped or not taken',
  notYet: 'Not yet',
  noChange: '—',
  score: (n: number, total: number) => `${n}/${total}`,
  change: (delta: number) => `${signed(delta)} question${Math.abs(delta) === 1 ? '' : 's'}`,
  classMean: (n: number) => `Class mean (${n})`,
  meanShare: (share: number) => `${pct(share)}%`,
  meanChange: (delta: number) => `${signed(Math.round(delta * 100))} pts`,
  barLabel: (share: number) => `${pct(share)}%`,
}

export const effectStrings: Record<Lang, EffectStrings> = { 'zh-CN': zhCN, en }

export function useEffectStrings(): EffectStrings {
  return effectStrings[usePreferences().prefs.lang]
}
