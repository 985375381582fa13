import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { QUIET_ZONE_MODULES, qrPath } from './qr-svg.ts'

/** The drawn path, rasterised by hand, must read back as the same text with a real decoder. */

function rasterise(path: string, size: number, scale = 4) {
  const side = (size + 2 * QUIET_ZONE_MODULES) * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-?\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])]
    for (let py = (y + QUIET_ZONE_MODULES) * scale; py < (y + 1 + QUIET_ZONE_MODULES) * scale; py++)
      for (let px = (x + QUIET_ZONE_MODULES) * scale; px < (x + w + QUIET_ZONE_MODULES) * scale; px++) {
        const i = (py * side + px) * 4
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
      }
  }
  return { pixels, side }
}

describe('qrPath', () => {
  it('draws a code that decodes back to the link', () => {
    const link = `https://hongtu.example/a/HA1.${'e'.repeat(190)}.${'s'.repeat(86)}`
    const { path, size } = qrPath(link)
    const { pixels, side } = rasterise(path, size)
    expect(jsQR(pixels, side, side)?.data).toBe(link)
  })
})
