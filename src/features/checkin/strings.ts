import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * Strings of the check-in screen only, loaded with it rather than on every screen.
 * zh-CN is the source; en must have every key.
 */
const zhCN = {
  checkinTitle: (site: string) => `打卡：${site}`,
  checkinIntro: '到达现场后点“定位打卡”。定位不准或没有信号时，可以扫描现场二维码打卡。',
  checkinLocate: '定位打卡',
  checkinLocating: '正在定位…请到室外开阔处，或靠近窗边。',
  /** `d` is null when the fix is nearer the centre than its own accuracy can tell ("约 0 米" reads as an error). */
  checkinInside: (site: string, d: number | null, acc: number) =>
    `你已在${site}打卡范围内（${d === null ? '就在中心附近' : `距中心约 ${d} 米`}，定位精度 ${acc} 米）。`,
  checkinConfirm: '确认打卡',
  // Headlines: the one line a screen reader speaks, once per change of verdict (no metres in them).
  checkinHeadInside: '可以打卡了',
  checkinHeadOutside: '还没到打卡范围',
  checkinHeadPoorAccuracy: '定位还不够准',
  // The distance is to the edge of the check-in area, not to the site's point: say so.
  checkinOutside: (site: string, d: string) => `你距离${site}的打卡范围还有 ${d}。`,
  checkinOutsideHint: '到达后会自动重新判断；也可以扫描现场二维码打卡。',
  checkinPoorAccuracy: (acc: number, needed: number) =>
    `定位精度 ${acc} 米，不足以确认（需要 ${needed} 米以内）。`,
  checkinPoorAccuracyHint: '请到开阔处稍候，精度会提高；也可以扫描现场二维码打卡。',
  checkinDenied: '无法定位：定位权限被拒绝。请在浏览器设置中允许本网站使用位置，或扫描现场二维码打卡。',
  checkinDeniedSteps:
    '怎样允许：在浏览器中，点地址栏左边的图标 →“权限”或“网站设置”→“位置”→ 允许；从桌面图标打开时，在手机“设置”→“应用”中找到浏览器，打开位置权限。然后点“重试”。',
  checkinSignalLost: '暂时收不到定位信号，仍在继续定位。可以走到室外开阔处，也可以扫描现场二维码打卡。',
  checkinSignalLostSinceFix: '定位信号刚刚中断，上面是最后一次定位的结果；信号恢复后会自动更新。',
  checkinUnsupported: '这台设备无法定位。请扫描现场二维码打卡。',
  checkinSaving: '正在保存…',
  checkinSaved: (site: string) => `已保存：你已在${site}打卡。`,
  checkinAlready: (site: string, date: string, method: string) =>
    `你已于 ${date} 在${site}打卡（${method}）。`,
  checkinStorageFull: '手机存储空间已满，打卡没有保存。请清理手机存储空间后点“重试”。',
  checkinSaveFailed: '打卡没有保存。请点“重试”。',
  checkinConfirmedAlready: (site: string, date: string) =>
    `带教老师已于 ${date} 确认你在${site}到场。本站的课可以直接学习，记为现场学习。`,
  checkinOptionalIntro: '不打卡也可以。想留下自己的打卡记录，可以点“定位打卡”，或扫描现场二维码。',
  checkinUncertainSite: '本站点坐标尚未实地核准，定位打卡可能判断不准；如被拒绝，请扫描现场二维码打卡。',
  checkinUseQr: '扫码打卡',
  checkinQrHeading: '二维码打卡（定位不准时用）',
  checkinStartLesson: '开始现场教学',
  checkinBackToSite: '返回站点',
  checkinRetry: '重试',
}

export type CheckinStrings = typeof zhCN

const en: CheckinStrings = {
  checkinTitle: (site: string) => `Check in: ${site}`,
  checkinIntro:
    'At the site, tap “Check in by location”. With poor location or no signal, scan the QR code on site.',
  checkinLocate: 'Check in by location',
  checkinLocating: 'Locating… go outdoors or near a window.',
  checkinInside: (site: string, d: number | null, acc: number) =>
    `You are within the check-in area of ${site}: ${d === null ? 'right by its centre' : `about ${d} m from the centre`}, location accurate to ${acc} m.`,
  checkinConfirm: 'Confirm check-in',
  checkinHeadInside: 'You can check in now',
  checkinHeadOutside: 'Not in the check-in area yet',
  checkinHeadPoorAccuracy: 'Location not precise enough yet',
  checkinOutside: (site: string, d: string) => `You are ${d} from the check-in area of ${site}.`,
  checkinOutsideHint: 'It is checked again as you arrive; you can also scan the QR code on site.',
  checkinPoorAccuracy: (acc: number, needed: number) =>
    `Location accuracy ${acc} m is not enough (needs ${needed} m or better).`,
  checkinPoorAccuracyHint: 'Wait in the open for a better fix, or scan the QR code on site.',
  checkinDenied:
    'Location permission was denied. Allow location for this site in the browser settings, or scan the QR code on site.',
  checkinDeniedSteps:
    'To allow it: in the browser, tap the icon left of the address → Permissions or Site settings → Location → Allow; if you opened the app from its home-screen icon, find the browser under the phone’s Settings → Apps and turn on its location permission. Then tap Try again.',
  checkinSignalLost:
    'No location signal at the moment; still trying. Move into the open, or scan the QR code on site.',
  checkinSignalLostSinceFix:
    'The location signal just dropped: this is the last position found. It updates by itself when the signal is back.',
  checkinUnsupported: 'This device cannot provide a location. Scan the QR code on site.',
  checkinSaving: 'Saving…',
  checkinSaved: (site: string) => `Saved: you checked in at ${site}.`,
  checkinAlready: (site: string, date: string, method: string) =>
    `You checked in at ${site} on ${date} (${method}).`,
  checkinStorageFull:
    'The phone’s storage is full and the check-in was not saved. Free some space, then tap Retry.',
  checkinSaveFailed: 'The check-in was not saved. Tap Retry.',
  checkinConfirmedAlready: (site: string, date: string) =>
    `Your trainer confirmed on ${date} that you were at ${site}. You can take this site's lesson now; it is recorded as taken on site.`,
  checkinOptionalIntro:
    'A check-in is not needed. To keep your own check-in record as well, tap “Check in by location” or scan the QR code on site.',
  checkinUncertainSite:
    'This site’s coordinates are not yet surveyed, so the location check may be wrong; if refused, scan the QR code on site.',
  checkinUseQr: 'Scan QR code',
  checkinQrHeading: 'QR check-in (when location fails)',
  checkinStartLesson: 'Start the lesson',
  checkinBackToSite: 'Back to the site',
  checkinRetry: 'Retry',
}

export function useCheckinStrings(): CheckinStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
