/**
 * Reading QR codes from camera frames and photos. The browser's BarcodeDetector is used where
 * it reads QR codes (Android Chrome, macOS); elsewhere jsQR, loaded only when first needed
 * (it is ~45 KB gzip and the first screen's budget is 150 KB), reads pixels drawn to a canvas.
 */

interface DetectedBarcode {
  readonly rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats(): Promise<string[]>
}

/** Longest side, in pixels, of a camera frame handed to jsQR: enough for a code filling a third of the view. */
export const FRAME_MAX_SIDE_PX = 800
/** Photo sizes tried in turn, longest side in pixels: small first (fast), larger for a small code in a big photo. */
const IMAGE_SIDES_PX = [1024, 2048, 4096]

let native: Promise<BarcodeDetectorLike | null> | undefined

/** The browser's QR detector, or null where there is none (desktop Linux and Windows Chromium, Firefox, Safari < 17). */
function nativeQrDetector(): Promise<BarcodeDetectorLike | null> {
  native ??= (async () => {
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
    if (typeof Detector !== 'function') return null
    try {
      const formats = await Detector.getSupportedFormats()
      return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null
    } catch {
      return null
    }
  })()
  return native
}

type Source = HTMLVideoElement | ImageBitmap

function canvas2d(width: number, height: number) {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height })
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null
  if (!ctx) throw new Error('no 2D canvas')
  return ctx
}

/** Draws `source` scaled so its longest side is at most `maxSide` px, and reads it with jsQR. */
async function readWithJsQr(
  source: Source,
  width: number,
  height: number,
  maxSide: number,
  inversion: 'dontInvert' | 'attemptBoth',
): Promise<string | null> {
  const { default: jsQR } = await import('jsqr')
  const scale = Math.min(1, maxSide / Math.max(width, height))
  const w = Math.max(1, Math.round(width * scale))
  const h = Math.max(1, Math.round(height * scale))
  const ctx = canvas2d(w, h)
  ctx.drawImage(source, 0, 0, w, h)
  return jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: inversion })?.data ?? null
}

/** Reads the current frame of a playing video; null when no code is in view. */
export async function decodeVideoFrame(video: HTMLVideoElement): Promise<string | null> {
  const detector = await nativeQrDetector()
  if (detector) return (await detector.detect(video))[0]?.rawValue ?? null
  // Light codes on dark ground are rare on plaques; skipping inversion halves the work per frame.
  return readWithJsQr(video, video.videoWidth, video.videoHeight, FRAME_MAX_SIDE_PX, 'dontInvert')
}

/** The photo sizes to try for an image whose longest side is `longest` px. */
export function imageDecodeSides(longest: number): number[] {
  const largest = Math.min(longest, IMAGE_SIDES_PX.at(-1) ?? longest)
  return [...IMAGE_SIDES_PX.filter((s) => s < largest), largest]
}

/** Reads a QR code in a photo or screenshot (any format the browser decodes); null when none is found. */
export async function decodeImageBlob(image: Blob): Promise<string | null> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(image)
  } catch {
    return null
  }
  try {
    const detector = await nativeQrDetector()
    const found = detector ? (await detector.detect(bitmap).catch(() => []))[0]?.rawValue : undefined
    if (found) return found
    for (const side of imageDecodeSides(Math.max(bitmap.width, bitmap.height))) {
      const text = await readWithJsQr(bitmap, bitmap.width, bitmap.height, side, 'attemptBoth')
      if (text) return text
    }
    return null
  } finally {
    bitmap.close()
  }
}
