import QRCode from 'qrcode'

/**
 * A printable site plaque as SVG: the site's Chinese name, "扫码打卡", the QR code of the
 * check-in link and its validity dates. The plaque is 120 mm × 170 mm; the drawing unit is
 * 0.1 mm (viewBox 1200 × 1700). The QR code uses error correction M (15 % of the code may be
 * dirty or worn) and keeps the 4-module quiet zone scanners need.
 */

export const PLAQUE_WIDTH_MM = 120
export const PLAQUE_HEIGHT_MM = 170
const W = PLAQUE_WIDTH_MM * 10
const H = PLAQUE_HEIGHT_MM * 10
const QR_SIZE = 860
const QUIET_MODULES = 4
const RED = '#b0121b'
const FONT = `'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`

export interface PlaqueText {
  /** The site's name in Chinese. */
  readonly siteName: string
  /** First and last valid day, already formatted (e.g. 2025年7月1日). */
  readonly validFrom: string
  readonly validUntil: string
  /** Small print for the admin: the key id. */
  readonly kid: string
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  )

/** The dark modules as one path, in module units, merging horizontal runs to keep the file small. */
function modulesPath(text: string): { path: string; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++) {
    let col = 0
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < modules.size && modules.get(row, col)) col++
      path += `M${start} ${row}h${col - start}v1h${start - col}z`
    }
  }
  return { path, size: modules.size }
}

/** The site name's font size: as large as fits on one line (a CJK glyph is about 1 em wide). */
const nameFontSize = (name: string) => Math.min(120, Math.floor(1040 / Math.max(1, [...name].length)))

export function plaqueSvg(link: string, text: PlaqueText): string {
  const qr = modulesPath(link)
  const unit = QR_SIZE / (qr.size + 2 * QUIET_MODULES)
  const qrX = (W - QR_SIZE) / 2
  const qrY = 380
  const name = escapeXml(text.siteName)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PLAQUE_WIDTH_MM}mm" height="${PLAQUE_HEIGHT_MM}mm" viewBox="0 0 ${W} ${H}" font-family="${FONT}">
  <title>${name} 扫码打卡</title>
  <rect width="${W}" height="${H}" fill="#fff"/>
  <rect x="20" y="20" width="${W - 40}" height="${H - 40}" rx="30" fill="none" stroke="${RED}" stroke-width="12"/>
  <text x="${W / 2}" y="200" text-anchor="middle" font-size="${nameFontSize(text.siteName)}" font-weight="700" fill="#1d1d1f">${name}</text>
  <text x="${W / 2}" y="320" text-anchor="middle" font-size="84" font-weight="700" fill="${RED}" letter-spacing="12">扫码打卡</text>
  <rect x="${qrX}" y="${qrY}" width="${QR_SIZE}" height="${QR_SIZE}" fill="#fff"/>
  <g transform="translate(${qrX + QUIET_MODULES * unit} ${qrY + QUIET_MODULES * unit}) scale(${unit})" shape-rendering="crispEdges">
    <path d="${qr.path}" fill="#000"/>
  </g>
  <text x="${W / 2}" y="${qrY + QR_SIZE + 90}" text-anchor="middle" font-size="44" fill="#1d1d1f">用手机相机或“红途”扫码，确认后完成打卡</text>
  <text x="${W / 2}" y="${qrY + QR_SIZE + 170}" text-anchor="middle" font-size="44" fill="#1d1d1f">有效期：${escapeXml(text.validFrom)} 至 ${escapeXml(text.validUntil)}</text>
  <text x="${W / 2}" y="${H - 70}" text-anchor="middle" font-size="26" fill="#555049">红途 · 红色教育现场教学 · 密钥 ${escapeXml(text.kid)}</text>
</svg>
`
}
