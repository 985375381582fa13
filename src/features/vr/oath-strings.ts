import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * The oath section's own strings (OathSection.tsx). Apart from strings.ts, which the app's first
 * download carries (the header's "VR课堂"), so that only the oath hall loads them.
 */
const zhCN = {
  title: '誓词',
  willAppear: '誓词会在这里逐句出现。',
  // Only where the oath has no text in the member's language: never in Chinese.
  chineseOnly: '',
}

const en: typeof zhCN = {
  title: 'The oath',
  willAppear: 'The oath will appear here line by line.',
  chineseOnly: 'The oath is taken in the words of the Party Constitution, so it is shown in Chinese only.',
}

export function useOathStrings(): typeof zhCN {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
