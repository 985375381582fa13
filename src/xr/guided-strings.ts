import { usePreferences } from '../i18n/i18n.tsx'

/**
 * The trainer's pause, end and 请看 as a headset shows them (GuidedNotice.tsx). Kept apart from ui-strings.ts: only a screen's lazily loaded part
 * draws them, and every scene's first load counts against the VR budget. ui-texts.ts lists them
 * for the 3D font.
 */
const zh = {
  lookTurnLeft: (title: string) => `老师请大家看：${title}，请向左转`,
  lookTurnRight: (title: string) => `老师请大家看：${title}，请向右转`,
  lookTurnAround: (title: string) => `老师请大家看：${title}，请转过身`,
  guidePaused: '老师已暂停课程，请稍候。',
  guideEnded: '老师已结束本次带教，你可以继续自由学习。',
}

export type XrGuidedStrings = typeof zh

const en: XrGuidedStrings = {
  lookTurnLeft: (title: string) => `The trainer asks you to look at ${title}: turn left`,
  lookTurnRight: (title: string) => `The trainer asks you to look at ${title}: turn right`,
  lookTurnAround: (title: string) => `The trainer asks you to look at ${title}: turn around`,
  guidePaused: 'The trainer has paused the class. Please wait.',
  guideEnded: 'The trainer has ended the guided session; carry on at your own pace.',
}

export const xrGuidedTables: readonly XrGuidedStrings[] = [zh, en]

export function useGuidedStrings(): XrGuidedStrings {
  return usePreferences().prefs.lang === 'en' ? en : zh
}
