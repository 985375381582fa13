/**
 * Plain explanations of the server's verification flags (server/sync/flags.ts, and `qr-<reason>`
 * from src/domain/qr/verify.ts) for a trainer. A flag is a question to look at, never a verdict:
 * the record was kept. `info` flags need no action (the server corrected for them); `warn` flags
 * are worth a word with the member. An unknown code is shown as it is, so nothing is hidden.
 */

export type FlagTone = 'warn' | 'info'

export interface FlagText {
  readonly code: string
  readonly tone: FlagTone
  readonly zh: string
  readonly en: string
}

const KNOWN: Record<string, Omit<FlagText, 'code'>> = {
  'geofence-outside': {
    tone: 'warn',
    zh: '定位在打卡范围之外',
    en: 'The position was outside the check-in area',
  },
  'geofence-accuracy': {
    tone: 'warn',
    zh: '定位精度不足，位置不可靠',
    en: 'The GPS fix was too imprecise to trust',
  },
  'gps-missing': { tone: 'warn', zh: '定位打卡缺少定位数据', en: 'A GPS check-in without its position' },
  'qr-missing': { tone: 'warn', zh: '扫码打卡缺少二维码', en: 'A QR check-in without its code' },
  'unknown-site': { tone: 'warn', zh: '服务器不认识这个站点', en: 'The server does not know this site' },
  'unknown-lesson': { tone: 'warn', zh: '服务器不认识这门课程', en: 'The server does not know this lesson' },
  'quiz-score-mismatch': {
    tone: 'warn',
    zh: '测验成绩与服务器重新评分不一致',
    en: 'The quiz result differs from the server’s re-scoring',
  },
  'impossible-travel': {
    tone: 'warn',
    zh: '与前后打卡相比移动过快（超过每小时 300 公里）',
    en: 'Moved faster than 300 km/h between check-ins',
  },
  'clock-skew': {
    tone: 'info',
    zh: '手机时钟偏差超过一天，已按服务器时间校正',
    en: 'The phone clock was over a day off; the time was corrected',
  },
  'clock-suspect': {
    tone: 'warn',
    zh: '记录时间不可信（晚于上传时间或早于 90 天前）',
    en: 'The time is doubtful (after upload, or over 90 days before)',
  },
  'content-outdated': {
    tone: 'info',
    zh: '用较早版本的课程内容完成',
    en: 'Made with an older version of the content',
  },
  'outside-class-window': {
    tone: 'warn',
    zh: '发生在班次日期之外',
    en: 'Happened outside the class dates',
  },
  'parent-missing': {
    tone: 'warn',
    zh: '所依据的测验记录五天内未到达',
    en: 'Its quiz record never arrived (released after 5 days)',
  },
  'attestation-malformed': { tone: 'warn', zh: '到场确认码格式不正确', en: 'The presence code is malformed' },
  'attestation-unknown-key': {
    tone: 'warn',
    zh: '到场确认码的密钥不属于本班次',
    en: 'The presence code’s key is not one of this class',
  },
  'attestation-bad-signature': {
    tone: 'warn',
    zh: '到场确认码签名无效（可能被篡改或伪造）',
    en: 'The presence code’s signature is invalid (tampered or forged)',
  },
  'attestation-other-class': {
    tone: 'warn',
    zh: '到场确认码属于学员未参加的班次',
    en: 'The presence code is for a class the member is not in',
  },
  'attestation-mismatch': {
    tone: 'warn',
    zh: '记录内容与到场确认码不一致',
    en: 'The record disagrees with its presence code',
  },
  'attestation-outside-window': {
    tone: 'warn',
    zh: '到场确认码过时才使用（可能是转发的截图）',
    en: 'The presence code was used after it changed (perhaps a forwarded screenshot)',
  },
  'attestation-replayed': {
    tone: 'warn',
    zh: '同一到场确认码已被另一名学员在这台设备上使用',
    en: 'Another member already used this presence code on this device',
  },
  'attestation-retired-key': {
    tone: 'warn',
    zh: '到场确认码由已停用的密钥签发（密钥更换之后）',
    en: 'The presence code was signed with a retired key (after the key was replaced)',
  },
  'qr-malformed': { tone: 'warn', zh: '二维码格式不正确', en: 'The QR code is malformed' },
  'qr-unknown-key': { tone: 'warn', zh: '二维码的签名密钥未知', en: 'The QR code’s signing key is unknown' },
  'qr-key-not-allowed': {
    tone: 'warn',
    zh: '二维码的签名密钥不可用于此站点',
    en: 'The QR code’s key may not sign for this site',
  },
  'qr-bad-signature': { tone: 'warn', zh: '二维码签名无效', en: 'The QR code’s signature is invalid' },
  'qr-not-yet-valid': { tone: 'warn', zh: '二维码尚未生效', en: 'The QR code was not yet valid' },
  'qr-expired': { tone: 'warn', zh: '二维码已过期', en: 'The QR code had expired' },
  'qr-wrong-site': { tone: 'warn', zh: '二维码属于其他站点', en: 'The QR code is for another site' },
}

export function flagText(code: string): FlagText {
  const known = KNOWN[code]
  if (known) return { code, ...known }
  return { code, tone: 'warn', zh: `其他标记：${code}`, en: `Other flag: ${code}` }
}

/** Whether any of the flags needs a trainer's attention (not only `info`). */
export function needsAttention(flags: readonly string[]): boolean {
  return flags.some((f) => flagText(f).tone === 'warn')
}
