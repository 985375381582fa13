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
  saving: 'Saving…',
  saved: 'Saved',
  saveFailed: 'Could not save',
  nextLine: 'Next line',
  oathDone: 'Oath taken',
  oathWaiting: 'Face the Party flag and wait for the trainer to lead',
  oathLeadHint: 'With no trainer leading, select “Next line”',
  oathChineseOnly: 'The oath is shown in Chinese only.',
  lookHere: 'The trainer asks you to look here',
  separator: ' · ',
}

/** The 3D texts for the app's language. */
export const xrStringsFor = (lang: 'zh-CN' | 'en'): XrStrings => (lang === 'en' ? en : zh)

/** Both languages' tables, for the 3D font (ui-texts.ts). */
export const xrUiTables: readonly XrStrings[] = [zh, en]
