import QRCode from 'qrcode'

/**
 * A QR code as one SVG path in module units (the dark modules, horizontal runs merged), so the
 * screen draws it crisply at any size without a canvas or a data: URL (which the CSP forbids
 * for scripts anyway). Error correction M: a glare or a finger over 15 % of a phone screen still
 * reads. The caller adds the quiet zone of 4 modules that scanners need.
 */
export function qrPath(text: string): { readonly path: string; readonly size: number } {
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

/** Modules of white border around the code (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE_MODULES = 4
