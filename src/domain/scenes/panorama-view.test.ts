import { describe, expect, it } from 'vitest'
import { DEG, equirectUv } from './angles.ts'
import { halfHorizontalFovDeg, type PixelRect, visibleRect } from './panorama-view.ts'

const IMAGE = { widthPx: 4096, heightPx: 2048 }

/**
 * The image pixel a view samples at a point of the screen (sx, sy in −1..1), by the same ray
 * as the first-frame shader: (sx·tan(v/2)·aspect, sy·tan(v/2), −1), turned right by the yaw.
 */
function sampledPixel(view: { fovDeg: number; yawDeg: number; aspect: number }, sx: number, sy: number) {
  const t = Math.tan((view.fovDeg / 2) * DEG)
  const x = sx * t * view.aspect
  const y = sy * t
  const yawDeg = view.yawDeg + Math.atan2(x, 1) / DEG
  const pitchDeg = Math.atan2(y, Math.hypot(x, 1)) / DEG
  const [u, v] = equirectUv(yawDeg, pitchDeg)
  return { px: u * IMAGE.widthPx, py: v * IMAGE.heightPx }
}

function expectCovers(rect: PixelRect, view: { fovDeg: number; yawDeg: number; aspect: number }) {
  for (let i = 0; i <= 20; i++)
    for (let j = 0; j <= 20; j++) {
      const { px, py } = sampledPixel(view, -1 + i / 10, -1 + j / 10)
      expect(px, `column at ${i},${j}`).toBeGreaterThanOrEqual(rect.x)
      expect(px, `column at ${i},${j}`).toBeLessThanOrEqual(rect.x + rect.width)
      expect(py, `row at ${i},${j}`).toBeGreaterThanOrEqual(rect.y)
      expect(py, `row at ${i},${j}`).toBeLessThanOrEqual(rect.y + rect.height)
    }
}

describe('the part of a panorama a view can show', () => {
  const phone = { fovDeg: 70, yawDeg: 0, aspect: 390 / 844 }

  it('holds every pixel a view samples, for headings across the image and screens of any shape', () => {
    for (const yawDeg of [0, 37, -120, 150])
      for (const aspect of [390 / 844, 1, 16 / 9, 3]) {
        const view = { fovDeg: 70, yawDeg, aspect }
        expectCovers(visibleRect(IMAGE, view), view)
      }
  })

  it('is a small part of the image for a phone held upright: the rows of ±35° and a narrow band of columns', () => {
    const rect = visibleRect(IMAGE, phone)
    expect(rect.y).toBe(1024 - 399 - 4)
    expect(rect.height).toBe(2 * 399 + 8)
    expect(rect.width).toBeLessThan(450)
    expect(rect.width * rect.height).toBeLessThan((IMAGE.widthPx * IMAGE.heightPx) / 20)
  })

  it('widened to ±90°, holds what a view of any shape at that heading samples', () => {
    const rect = visibleRect(IMAGE, phone, { minHalfWidthDeg: 90 })
    expect(rect.width).toBe(IMAGE.widthPx / 2 + 8)
    for (const aspect of [390 / 548, 2.2, 12]) expectCovers(rect, { ...phone, aspect })
  })

  it('takes the full width when the view crosses the left/right seam of the image', () => {
    const view = { fovDeg: 70, yawDeg: 175, aspect: 1 }
    const rect = visibleRect(IMAGE, view)
    expect(rect.x).toBe(0)
    expect(rect.width).toBe(IMAGE.widthPx)
    expectCovers(rect, view)
  })

  it('has the horizontal field of view of a pinhole camera', () => {
    expect(halfHorizontalFovDeg(70, 1)).toBeCloseTo(35)
    expect(halfHorizontalFovDeg(90, 16 / 9)).toBeCloseTo(Math.atan(16 / 9) / DEG)
  })
})
