import { wrapText } from '../domain/text/wrap.ts'
import { XR_FONT_URL } from './font.ts'

/**
 * 3D text drawn with the browser's own Canvas 2D text engine into a texture, from the shipped
 * subset font. Chinese needs nothing more: no glyph atlas to generate, no shaping library and
 * no worker (troika, which this replaces, added ~42 KB gzip to the VR screen and typeset each
 * block on the main thread before the first frame).
 */

export const XR_FONT_FAMILY = 'HongtuXR'

/** Canvas pixels per em: about what a headset shows of a body-size glyph at arm's length. */
const PIXELS_PER_EM = 56
/** No texture side beyond this (the VR budget: textures ≤ 2048²). */
export const MAX_TEXTURE_PX = 2048

let fontLoad: Promise<boolean> | undefined

/**
 * Loads the subset font once (precached by the service worker, so offline too). Resolves false
 * when it cannot be loaded: text is then drawn in the system's fallback font, never left blank.
 */
export function loadXrFont(): Promise<boolean> {
  fontLoad ??= (async () => {
    try {
      const face = new FontFace(XR_FONT_FAMILY, `url(${XR_FONT_URL})`)
      await face.load()
      document.fonts.add(face)
      return true
    } catch {
      return false
    }
  })()
  return fontLoad
}

export interface TextBlockStyle {
  /** Em size in metres (troika's fontSize). */
  readonly size: number
  readonly color: string
  readonly maxWidth?: number
  /** Line height as a multiple of the em size. */
  readonly lineHeight: number
  readonly textAlign: 'left' | 'center' | 'right'
  readonly outlineWidth?: number
  readonly outlineColor?: string
}

export interface DrawnTextBlock {
  readonly canvas: HTMLCanvasElement
  /** Size of the block in metres. */
  readonly width: number
  readonly height: number
  readonly lines: readonly string[]
}

const font = (px: number) => `${px}px ${XR_FONT_FAMILY}, "Noto Sans CJK SC", "Noto Sans SC", sans-serif`

let measurer: CanvasRenderingContext2D | null = null

/**
 * The height in metres a block of text will take, laid out as drawTextBlock lays it out but not
 * drawn: for panels that grow to fit their text (an English narration runs longer than the
 * Chinese). Call it after loadXrFont, as Label does, or the measure is the fallback font's.
 */
export function textBlockHeight(
  text: string,
  style: Pick<TextBlockStyle, 'size' | 'maxWidth' | 'lineHeight'>,
): number {
  measurer ??= document.createElement('canvas').getContext('2d')
  const ctx = measurer
  if (!ctx) throw new Error('no 2D canvas')
  ctx.font = font(PIXELS_PER_EM)
  const maxWidthPx = style.maxWidth === undefined ? undefined : (style.maxWidth * PIXELS_PER_EM) / style.size
  const lines = wrapText(text, maxWidthPx, (s) => ctx.measureText(s).width)
  return lines.length * style.size * style.lineHeight
}

/** Lays out and draws one text block; the canvas is sized to the block, never beyond MAX_TEXTURE_PX. */
export function drawTextBlock(text: string, style: TextBlockStyle): DrawnTextBlock {
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas')
  ctx.font = font(PIXELS_PER_EM)
  const pxPerMetre = PIXELS_PER_EM / style.size
  const outlinePx = (style.outlineWidth ?? 0) * pxPerMetre
  const maxWidthPx = style.maxWidth === undefined ? undefined : style.maxWidth * pxPerMetre
  const lines = wrapText(text, maxWidthPx, (s) => ctx.measureText(s).width)
  const lineHeightPx = PIXELS_PER_EM * style.lineHeight
  const widest = Math.max(1, ...lines.map((l) => ctx.measureText(l).width))
  // As wide as the longest line, not the wrap width: the plane is drawn (both eyes, every
  // frame), and transparent margins would cost fill rate for nothing.
  const blockWidthPx = widest + 2 * outlinePx
  const blockHeightPx = lineHeightPx * lines.length + 2 * outlinePx
  // Scale the drawing down (never the block) when a side would exceed the texture budget.
  const scale = Math.min(1, MAX_TEXTURE_PX / blockWidthPx, MAX_TEXTURE_PX / blockHeightPx)
  canvas.width = Math.ceil(blockWidthPx * scale)
  canvas.height = Math.ceil(blockHeightPx * scale)
  ctx.scale(scale, scale)
  ctx.font = font(PIXELS_PER_EM)
  ctx.textBaseline = 'middle'
  ctx.textAlign = style.textAlign
  ctx.lineJoin = 'round'
  const x =
    style.textAlign === 'left'
      ? outlinePx
      : style.textAlign === 'right'
        ? blockWidthPx - outlinePx
        : blockWidthPx / 2
  lines.forEach((line, i) => {
    const y = outlinePx + lineHeightPx * (i + 0.5)
    if (outlinePx > 0 && style.outlineColor) {
      ctx.strokeStyle = style.outlineColor
      ctx.lineWidth = outlinePx * 2
      ctx.strokeText(line, x, y)
    }
    ctx.fillStyle = style.color
    ctx.fillText(line, x, y)
  })
  return { canvas, width: blockWidthPx / pxPerMetre, height: blockHeightPx / pxPerMetre, lines }
}
