import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * UI strings of the QR check-in (scan screen, link screen, refusals). zh-CN is the source; en
 * must have every key (the type checks it). Every refusal says what to do next.
 */

const zhCN = {
  title: '扫码打卡',
  scanIntro:
    '扫描站点现场的打卡二维码，或带教老师手机上的到场确认码。也可以用手机自带的相机扫码，它会直接打开红途。',
  verifying: '正在验证二维码…',
  refusedTitle: '无法打卡',
  siteCode: (site: string) => `${site}的打卡二维码`,
  validUntil: (date: string) => `二维码有效期至 ${date}`,
  confirm: '确认打卡',
  confirmHint: '确认后，打卡记录保存在本机。',
  saving: '正在保存…',
  saved: '已保存',
  savedBody: (site: string) => `你已在${site}打卡，记录已保存在本机。`,
  alreadyTitle: '你已在此站点打过卡',
  alreadyBody: (date: string) => `首次打卡时间：${date}。无需重复打卡。`,
  saveFailed: '保存失败',
  saveFailedBody: '打卡记录没有保存。请重试；如果手机存储空间已满，请先清理空间。',
  storageOpening: '正在打开本机记录…',
  storageUnavailable: '本机记录暂不可用，暂时无法打卡。请刷新页面后重试。',
  openLesson: (lesson: string) => `开始现场教学：${lesson}`,
  openSite: '查看站点介绍',
  scanAnother: '扫描其他二维码',
  backToRoutes: '返回路线列表',
  refusal: {
    'not-a-token': '这不是红途的打卡二维码。请扫描站点现场的官方打卡二维码。',
    malformed: '无法识别这个二维码，它可能不完整或已损坏。请扫描现场的官方二维码，或联系带教老师。',
    'bad-signature': '二维码无效或已被篡改，请扫描现场的官方二维码，或联系带教老师。',
    'key-not-allowed': '这个二维码不能用于站点打卡。请扫描现场的官方二维码，或联系带教老师。',
    'unknown-key':
      '无法验证这个二维码：本机的内容可能不是最新版本。请联网打开一次红途以更新内容后再扫；仍不行请联系带教老师。',
    'unknown-site':
      '这个二维码对应的站点不在本机内容中，内容可能不是最新版本。请联网打开一次红途以更新内容后再扫。',
  },
  expired: (date: string) => `二维码已过期（有效期至 ${date}）。请扫描现场张贴的最新二维码，或联系带教老师。`,
  notYetValid: (date: string) =>
    `二维码尚未生效（自 ${date} 起有效）。请检查手机的日期和时间是否正确，或联系带教老师。`,
  wrongSite: (site: string) => `这是“${site}”的二维码，不能在本站点打卡。请扫描本站点现场的二维码。`,
  scanner: {
    label: '扫描二维码',
    start: '打开相机扫码',
    stop: '关闭相机',
    starting: '正在打开相机…',
    aim: '将二维码对准取景框，识别后会自动继续。',
    video: '相机画面',
    fromFile: '从相册选择二维码图片',
    decodingFile: '正在识别图片中的二维码…',
    fileNoCode: '没有在这张图片中识别到二维码。请换一张更清晰、二维码更完整的照片。',
    denied: '无法使用相机：请在浏览器设置中允许红途使用相机，或从相册选择二维码图片。',
    'no-camera': '没有找到可用的相机（或相机正被其他应用使用）。请从相册选择二维码图片，或用手机相机扫码。',
    unsupported: '此浏览器无法在这里使用相机。请从相册选择二维码图片，或用手机自带的相机扫码。',
  },
}

export type QrStrings = typeof zhCN

const en: QrStrings = {
  title: 'Check in by QR code',
  scanIntro:
    "Scan the check-in code posted at the site, or the presence code on your trainer's phone. Your phone's own camera works too: it opens Hongtu directly.",
  verifying: 'Checking the code…',
  refusedTitle: 'Cannot check in',
  siteCode: (site) => `Check-in code of ${site}`,
  validUntil: (date) => `Code valid until ${date}`,
  confirm: 'Confirm check-in',
  confirmHint: 'Confirming saves the check-in on this device.',
  saving: 'Saving…',
  saved: 'Saved',
  savedBody: (site) => `You have checked in at ${site}. The record is saved on this device.`,
  alreadyTitle: 'You have already checked in here',
  alreadyBody: (date) => `First check-in: ${date}. There is no need to check in again.`,
  saveFailed: 'Not saved',
  saveFailedBody:
    'The check-in was not saved. Try again; if the phone’s storage is full, free some space first.',
  storageOpening: 'Opening the records on this device…',
  storageUnavailable:
    'The records on this device are not available, so you cannot check in now. Reload the page and try again.',
  openLesson: (lesson) => `Start the on-site lesson: ${lesson}`,
  openSite: 'About this site',
  scanAnother: 'Scan another code',
  backToRoutes: 'Back to routes',
  refusal: {
    'not-a-token': 'This is not a Hongtu check-in code. Scan the official check-in code posted at the site.',
    malformed:
      'This code cannot be read; it may be incomplete or damaged. Scan the official code at the site, or ask your trainer.',
    'bad-signature':
      'This code is invalid or has been tampered with. Scan the official code at the site, or ask your trainer.',
    'key-not-allowed':
      'This code cannot be used to check in at a site. Scan the official code at the site, or ask your trainer.',
    'unknown-key':
      'This code cannot be verified: the content on this device may be out of date. Open Hongtu once with a network connection to update it, then scan again; if that fails, ask your trainer.',
    'unknown-site':
      "This code's site is not in the content on this device, which may be out of date. Open Hongtu once with a network connection to update it, then scan again.",
  },
  expired: (date) =>
    `This code has expired (valid until ${date}). Scan the current code posted at the site, or ask your trainer.`,
  notYetValid: (date) =>
    `This code is not valid yet (valid from ${date}). Check that the phone's date and time are right, or ask your trainer.`,
  wrongSite: (site) => `This is the code of “${site}”, not of this site. Scan the code posted at this site.`,
  scanner: {
    label: 'Scan a QR code',
    start: 'Scan with the camera',
    stop: 'Turn the camera off',
    starting: 'Opening the camera…',
    aim: 'Point the camera at the code; it continues by itself once the code is read.',
    video: 'Camera view',
    fromFile: 'Choose a photo of the QR code',
    decodingFile: 'Reading the code in the photo…',
    fileNoCode: 'No QR code found in this photo. Try a sharper photo that shows the whole code.',
    denied:
      'The camera is not allowed: allow Hongtu to use the camera in the browser settings, or choose a photo of the code.',
    'no-camera':
      "No camera is available (or another app is using it). Choose a photo of the code, or scan it with the phone's camera.",
    unsupported:
      "This browser cannot use the camera here. Choose a photo of the code, or scan it with the phone's own camera.",
  },
}

export function useQrStrings(): QrStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}

/** A date and time as members read it, in the device's time zone. */
export function formatQrDate(seconds: number, lang: 'zh-CN' | 'en'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(seconds * 1000)
}
