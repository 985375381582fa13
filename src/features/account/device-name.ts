import type { Lang } from '../../platform/preferences.ts'

/**
 * The server names a session's device in English, "Chrome on Android phone" (server/auth/routes.ts,
 * deviceLabel), the same for every reader of the API. On the member's screen it is said in
 * their language; a label of another shape is shown as it is.
 */
const SYSTEMS_ZH: Record<string, string> = {
  'Android phone': '安卓手机',
  'Android tablet': '安卓平板',
  iPhone: 'iPhone',
  iPad: 'iPad',
  // Sessions from before phones and tablets were told apart.
  Android: '安卓设备',
  iOS: '苹果手机或平板',
  Windows: 'Windows 电脑',
  macOS: '苹果电脑',
  Linux: 'Linux 电脑',
  'unknown system': '未知设备',
}
const BROWSERS_ZH: Record<string, string> = { WeChat: '微信', Browser: '浏览器' }

export function deviceName(label: string, lang: Lang): string {
  if (lang === 'en') return label
  const m = /^(.+) on (.+)$/.exec(label)
  if (!m) return label
  const [, browser = '', system = ''] = m
  return `${SYSTEMS_ZH[system] ?? system} · ${BROWSERS_ZH[browser] ?? browser}`
}
