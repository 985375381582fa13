import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * UI strings of attestation: the member's confirmation screen (/a/<token>) and the trainer's
 * rotating code (/trainer/classes/:id/attest). zh-CN is the source; en must have every key.
 * Every refusal says what to do next.
 */

const zhCN = {
  linkTitle: '确认到场',
  verifying: '正在验证带教老师的到场确认码…',
  saving: '正在保存确认到场记录…',
  savedTitle: '已确认到场',
  savedBody: (place: string) => `带教老师已确认你在“${place}”到场。`,
  savedNote: '记录已保存在本机，联网后会自动上传。',
  againTitle: '你已确认过到场',
  againBody: (place: string, time: string) => `你在“${place}”的确认到场记录已于 ${time} 保存，无需重复扫码。`,
  classLine: (name: string) => `班次：${name}`,
  refusedTitle: '无法确认',
  saveFailedTitle: '没有保存',
  saveFailedBody: '确认到场记录没有保存。请重试；如果手机存储空间已满，请先清理空间。',
  retry: '重试',
  storageUnavailable: '本机记录暂不可用，暂时无法保存。请刷新页面后重试。',
  scanAnother: '扫描其他二维码',
  myClasses: '我的班次',
  logIn: '登录',
  refusal: {
    malformed: '无法识别这个二维码，它可能不完整或已损坏。请重新扫描带教老师手机上显示的二维码。',
    'bad-signature': '二维码无效或已被篡改。请直接扫描带教老师手机上显示的二维码，不要使用转发的图片。',
    'unknown-key':
      '无法验证这个二维码：本班的验证密钥已更新。请联网后在“我的班次”中重新下载本班离线资料，再扫一次。',
    'retired-key':
      '这个二维码使用的签名密钥已被停用（带教老师更换了密钥，可能是设备遗失）。请扫描带教老师当前设备上显示的二维码；如果仍然如此，请带教老师联网后重新打开到场确认码页面。',
    'other-class':
      '这个二维码不属于你参加的班次，或本机还没有下载该班次的离线资料。请扫描你所在班次带教老师的二维码；如果你是该班学员，请联网后在“我的班次”中下载本班离线资料。',
    'already-used':
      '这个二维码已在本机为另一位学员确认过。每位学员需要用自己的手机、登录自己的账号扫码确认。',
    'login-required': '请先登录你的红途账号，再扫描带教老师的二维码。',
  },
  expiredPast: '二维码已过期（每 30 秒更新一次）。请扫描带教老师手机上当前显示的二维码。',
  expiredFuture: '二维码的时间与本机时间不符。请把手机的日期和时间设为“自动”，然后再扫一次。',
  keysMissing: (name: string) =>
    `本机还没有下载“${name}”的离线资料，无法离线验证。请联网后打开“我的班次”，下载本班离线资料，再扫一次。`,
  notAMember: (name: string) => `你是“${name}”的带教老师或管理员；只有本班学员需要扫码确认。`,

  displayTitle: '到场确认码',
  displayIntro:
    '学员用红途或手机相机扫描此码，记录你已在现场见到他们。二维码每 30 秒更新一次，断网也能显示。请让每位学员用自己的手机扫码。',
  placeLabel: '所在站点或现场教学',
  sitesGroup: '站点',
  lessonsGroup: '现场教学',
  noPlaces: '这个班次没有可选的站点或现场教学。',
  countdown: (s: number) => `${s} 秒后更新`,
  qrLabel: (place: string) => `到场确认码：${place}，每 30 秒更新`,
  keyLoading: '正在读取本机的签名密钥…',
  keyDownloading: '正在下载本班签名密钥…',
  keyReady: '签名密钥已下载到本机，断网也能显示到场确认码。',
  keyMissingOffline: '本机还没有本班的签名密钥。请联网后打开本页一次，之后断网也能显示到场确认码。',
  keyForbidden: '只有本班的带教老师可以显示到场确认码。',
  keyNotFound: '没有这个班次，或你无权查看。',
  keyLogin: '请先以带教老师账号登录。',
  keyError: '下载签名密钥失败，请稍后重试。',
  keyUnsupported: '此浏览器无法在本机保存签名密钥，请换用新版 Chrome、Edge 或 Safari。',
  backToClass: '返回班次',
}

export type AttestStrings = typeof zhCN

const en: AttestStrings = {
  linkTitle: 'Presence confirmation',
  verifying: "Checking the trainer's presence code…",
  saving: 'Saving the presence confirmation…',
  savedTitle: 'Presence confirmed',
  savedBody: (place) => `Your trainer has confirmed your presence at “${place}”.`,
  savedNote: 'The record is saved on this device and is uploaded when you are online.',
  againTitle: 'Presence already confirmed',
  againBody: (place, time) =>
    `Your presence at “${place}” was confirmed and saved at ${time}. There is no need to scan again.`,
  classLine: (name) => `Class: ${name}`,
  refusedTitle: 'Cannot confirm',
  saveFailedTitle: 'Not saved',
  saveFailedBody:
    'The presence confirmation was not saved. Try again; if the phone’s storage is full, free some space first.',
  retry: 'Try again',
  storageUnavailable: 'The records on this device are unavailable for now. Reload the page and try again.',
  scanAnother: 'Scan another code',
  myClasses: 'My classes',
  logIn: 'Log in',
  refusal: {
    malformed:
      "This code cannot be read; it may be incomplete or damaged. Scan the code on the trainer's phone again.",
    'bad-signature':
      "This code is invalid or has been altered. Scan the code shown on the trainer's phone directly, not a forwarded picture.",
    'unknown-key':
      "This code cannot be checked: the class's verification key has changed. Go online, download the class again under My classes, and scan again.",
    'retired-key':
      "This code was signed with a key the class no longer uses (the trainer replaced it, perhaps after losing a phone). Scan the code on the trainer's current device; if this happens again, the trainer should go online and reopen the code screen.",
    'other-class':
      "This code is not from a class you attend, or this phone has not downloaded that class yet. Scan your own class trainer's code; if you are in that class, go online and download it under My classes.",
    'already-used':
      'This code was already used on this phone for another member. Every member scans with their own phone, logged in to their own account.',
    'login-required': "Log in to your Hongtu account first, then scan the trainer's code.",
  },
  expiredPast:
    "This code has expired (it changes every 30 seconds). Scan the code the trainer's phone shows now.",
  expiredFuture:
    "The code's time does not match this phone's clock. Set the phone's date and time to automatic, then scan again.",
  keysMissing: (name) =>
    `This phone has not downloaded “${name}” yet, so the code cannot be checked offline. Go online, open My classes, download the class, and scan again.`,
  notAMember: (name) => `You train or administer “${name}”; only its members scan to be confirmed.`,

  displayTitle: 'Presence code',
  displayIntro:
    "Members scan this code with Hongtu or the phone's camera to record that you saw them here. It changes every 30 seconds and works offline. Ask every member to scan with their own phone.",
  placeLabel: 'Stop or lesson',
  sitesGroup: 'Stops',
  lessonsGroup: 'Lessons',
  noPlaces: 'This class has no stops or lessons to choose from.',
  countdown: (s) => `Changes in ${s} s`,
  qrLabel: (place) => `Presence code: ${place}, changes every 30 seconds`,
  keyLoading: 'Reading the signing key on this device…',
  keyDownloading: "Downloading the class's signing key…",
  keyReady: 'Signing key downloaded to this device: the presence code shows offline too.',
  keyMissingOffline:
    "This device does not have the class's signing key yet. Open this page once while online; after that it works offline.",
  keyForbidden: "Only the class's trainers can show its presence code.",
  keyNotFound: 'No such class, or you may not see it.',
  keyLogin: 'Log in with a trainer account first.',
  keyError: 'Downloading the signing key failed. Try again later.',
  keyUnsupported:
    'This browser cannot keep the signing key on this device. Use a recent Chrome, Edge or Safari.',
  backToClass: 'Back to the class',
}

export function useAttestStrings(): AttestStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
