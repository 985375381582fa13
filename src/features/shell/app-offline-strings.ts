import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * What AppOfflineStatus says, in its own module: it loads with the screens that show it (a
 * route, a class), not with every screen. zh-CN is the source; en must have every key.
 */
const zhCN = {
  ready: '应用已保存在手机上，断网也能打开 ✓',
  saving: '应用正在保存到手机上，请保持联网，保存完这里会显示“已保存”。现在断网，应用可能打不开。',
  failed:
    '应用没有保存完（网络断了或手机存储空间不足），现在断网打不开。请在有网络时点“重试”，保存完再出发。',
  retry: '重试',
  unsupported: '这个浏览器不能把应用保存在手机上，断网时打不开。',
}

const en: typeof zhCN = {
  ready: 'The app is saved on this phone and opens without a network ✓',
  saving:
    'The app is being saved on this phone. Stay online: this will say “saved” when it is done. Without a network now, the app may not open.',
  failed:
    'The app was not fully saved (the network dropped or the phone’s storage is full), so it will not open offline. Tap “Try again” while you have a network, and set off once it is saved.',
  retry: 'Try again',
  unsupported: 'This browser cannot keep the app on the phone: it will not open without a network.',
}

export function useAppOfflineStrings(): typeof zhCN {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
