import {
  createPanoramaPainter,
  markFirstPanoramaFrame,
  type PanoramaPainter,
  type PanoramaView,
} from './first-frame.ts'
import { decodePanoramaPart, type PanoramaPart } from './panorama-part.ts'

/**
 * A canvas that shows a panorama's first frame as soon as its part is decoded, and can be moved
 * in the document afterwards (from behind the app to the VR screen's stage) and redrawn there at
 * its new size without a new upload. Used by the early path (early-load.ts) and by the VR
 * screen when it was opened from inside the app. Its rules are in panorama-canvas.css, which
 * the app's first stylesheet carries (early-load.ts imports it).
 */
export interface PanoramaCanvas {
  readonly src: string
  readonly canvas: HTMLCanvasElement
  /**
   * True once the frame is drawn and on its way to the screen (the first-frame mark is set);
   * false when it cannot be (no WebGL, a bad file, disposed).
   */
  readonly painted: Promise<boolean>
  /**
   * Redraws at the canvas's current size (after a move or a resize); before the paint, only sets
   * the view. The heading stays the one the part was decoded for (panorama-part.ts).
   */
  redraw(view?: PanoramaView): void
  /** Removes the canvas and frees its context. */
  dispose(): void
}

/**
 * Starts decoding the panorama at `src` and paints it into a new canvas when it is ready.
 * `place` puts the canvas in the document just before the first draw, unless the caller has
 * placed it already.
 */
export function paintPanoramaCanvas(
  src: string,
  initialView: PanoramaView,
  place: (canvas: HTMLCanvasElement) => void,
): PanoramaCanvas {
  const canvas = document.createElement('canvas')
  canvas.className = 'panorama-frame'
  // A picture of what the stage is about to show; the stage and the hotspot list carry the meaning.
  canvas.setAttribute('aria-hidden', 'true')
  let view = initialView
  // The file first: the context and shaders are made while it is decoded, not after.
  const firstPart = decodePanoramaPart(src, view)
  let painter: PanoramaPainter | null = createPanoramaPainter(canvas)
  let disposed = false

  function show(part: PanoramaPart): boolean {
    if (!painter || disposed) {
      part.bitmap.close()
      return false
    }
    if (!canvas.isConnected) place(canvas)
    painter.upload(part)
    painter.draw(view)
    return true
  }

  const redraw = (next?: PanoramaView) => {
    if (next) view = next
    if (painter && !disposed) painter.draw(view)
  }
  // Rotating a phone while the first frame is up: the frame follows the canvas's new size.
  const onResize = () => redraw()
  addEventListener('resize', onResize)

  const painted = (painter ? firstPart : Promise.reject(new Error('no WebGL')))
    .then(show)
    .catch(() => false)
    .then(async (drawn) => {
      if (!drawn) {
        canvas.remove()
        return false
      }
      canvas.dataset.painted = 'true'
      await markFirstPanoramaFrame()
      return true
    })
  return {
    src,
    canvas,
    painted,
    redraw,
    dispose() {
      disposed = true
      removeEventListener('resize', onResize)
      canvas.remove()
      painter?.dispose()
      painter = null
    },
  }
}
