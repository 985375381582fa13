import { describe, expect, it } from 'vitest'
import { glyphDmm, MIN_LEGIBLE_DMM } from './comfort.ts'
import {
  focalLengthPx,
  growScale,
  HIT_AREA_MIN_SIZE,
  LABEL_MAX_BOOST,
  type LabelView,
  MARKER_MIN_SIZE,
  SCREEN_TITLE_PX,
  titleScale,
} from './screen-label-scale.ts'

/** A hotspot title's glyph as modelled (Hotspot.tsx), and a panorama's (×2.2 at 6 m). */
const TITLE_M = 0.072
const PANORAMA_TITLE_M = TITLE_M * 2.2
const headset: LabelView = { kind: 'headset' }
const screen = (canvasHeightPx: number): LabelView => ({
  kind: 'screen',
  canvasHeightPx,
  fovDeg: 70,
  minPx: SCREEN_TITLE_PX,
})
/** A 390 × 844 phone's stage (65vh) and a 1280 × 800 desktop's. */
const PHONE_STAGE_PX = 548
const DESKTOP_STAGE_PX = 520
const onScreenPx = (glyphM: number, distanceM: number, canvasHeightPx: number) =>
  (glyphM / distanceM) * focalLengthPx(canvasHeightPx, 70)

describe('titleScale in a headset', () => {
  it('makes a far title read at the legibility target from the eyes (会师门, 15.9 m from the spawn)', () => {
    const k = titleScale(headset, TITLE_M, 15.9)
    expect(glyphDmm(TITLE_M * k, 15.9)).toBeCloseTo(MIN_LEGIBLE_DMM)
  })
  it('leaves a near title as modelled, and a panorama title that already reads', () => {
    expect(titleScale(headset, TITLE_M, 2)).toBe(1)
    expect(titleScale(headset, PANORAMA_TITLE_M, 6)).toBe(1)
  })
  it('stops growing far away', () => {
    expect(titleScale(headset, TITLE_M, 100)).toBe(LABEL_MAX_BOOST)
  })
})

describe('titleScale on a screen', () => {
  it('enlarges a title too small on a phone to the page’s text size, no more', () => {
    expect(onScreenPx(TITLE_M, 12.5, PHONE_STAGE_PX)).toBeLessThan(4)
    const k = titleScale(screen(PHONE_STAGE_PX), TITLE_M, 12.5)
    expect(onScreenPx(TITLE_M * k, 12.5, PHONE_STAGE_PX)).toBeCloseTo(SCREEN_TITLE_PX)
  })
  it('enlarges a panorama title on a phone by far less than the old fourfold boost', () => {
    // Four times was 37 px of glyph: titles overlapped and ran off the stage.
    const k = titleScale(screen(PHONE_STAGE_PX), PANORAMA_TITLE_M, 6)
    expect(k).toBeGreaterThan(1)
    expect(k).toBeLessThan(2)
  })
  it('leaves a title that is already large enough as modelled', () => {
    expect(titleScale(screen(DESKTOP_STAGE_PX), TITLE_M, 1)).toBe(1)
  })
  it('is bounded far away, and ignores a canvas not measured yet', () => {
    expect(titleScale(screen(PHONE_STAGE_PX), TITLE_M, 200)).toBe(LABEL_MAX_BOOST)
    expect(titleScale(screen(0), TITLE_M, 12.5)).toBe(1)
  })
})

describe('growScale: markers and hit areas keep a size to see and to touch', () => {
  /** As modelled in Hotspot.tsx: the marker 18 cm across, the hit sphere 80 cm. */
  const MARKER_M = 0.18
  const HIT_M = 0.8
  const degAcross = (sizeM: number, distanceM: number) =>
    (2 * Math.atan(sizeM / 2 / distanceM) * 180) / Math.PI

  it('makes the 会师门 marker (15.9 m) visible and its hit area a fingertip target on a phone', () => {
    expect(onScreenPx(MARKER_M, 15.9, PHONE_STAGE_PX)).toBeLessThan(5)
    expect(onScreenPx(HIT_M, 15.9, PHONE_STAGE_PX)).toBeLessThan(21)
    const marker = growScale(screen(PHONE_STAGE_PX), MARKER_M, 15.9, MARKER_MIN_SIZE)
    const hit = growScale(screen(PHONE_STAGE_PX), HIT_M, 15.9, HIT_AREA_MIN_SIZE)
    expect(onScreenPx(MARKER_M * marker, 15.9, PHONE_STAGE_PX)).toBeCloseTo(MARKER_MIN_SIZE.screenPx)
    expect(onScreenPx(HIT_M * hit, 15.9, PHONE_STAGE_PX)).toBeCloseTo(HIT_AREA_MIN_SIZE.screenPx)
  })
  it('gives a far hit area the angle set for a headset’s ray', () => {
    const hit = growScale(headset, HIT_M, 15.9, HIT_AREA_MIN_SIZE)
    expect(degAcross(HIT_M, 15.9)).toBeLessThan(3)
    expect(degAcross(HIT_M * hit, 15.9)).toBeCloseTo(HIT_AREA_MIN_SIZE.headsetDeg, 2)
  })
  it('leaves near and panorama hotspots as modelled', () => {
    expect(growScale(headset, HIT_M, 2, HIT_AREA_MIN_SIZE)).toBe(1)
    expect(growScale(screen(PHONE_STAGE_PX), HIT_M * 2.2, 6, HIT_AREA_MIN_SIZE)).toBe(1)
    expect(growScale(screen(DESKTOP_STAGE_PX), MARKER_M, 3, MARKER_MIN_SIZE)).toBe(1)
  })
  it('is bounded far away, and ignores a canvas not measured yet', () => {
    expect(growScale(screen(PHONE_STAGE_PX), MARKER_M, 500, MARKER_MIN_SIZE)).toBe(LABEL_MAX_BOOST)
    expect(growScale(screen(0), MARKER_M, 15.9, MARKER_MIN_SIZE)).toBe(1)
  })
})
