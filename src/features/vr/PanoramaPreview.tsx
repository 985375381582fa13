import { useEffect, useRef } from 'react'
import { panoramaImage } from '../../xr/panorama/early-load.ts'
import { paintPanoramaFrame } from '../../xr/panorama/first-frame.ts'

/** The performance mark the bench reads for "first panorama frame". */
export const PANORAMA_FIRST_FRAME_MARK = 'hongtu:panorama-first-frame'

/**
 * The panorama's first frame before the 3D stack has loaded: downloads and decodes the image
 * right away and paints it with raw WebGL (first-frame.ts). `onPainted` fires after the paint
 * (or after a failure), and the screen then loads the full stage, which takes over.
 */
export function PanoramaPreview({
  src,
  yawDeg,
  fovDeg,
  onPainted,
}: {
  src: string
  yawDeg: number
  fovDeg: number
  onPainted: () => void
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const done = useRef(onPainted)
  done.current = onPainted
  useEffect(() => {
    let live = true
    panoramaImage(src)
      .then((img) => {
        if (!live || !canvas.current) return
        if (paintPanoramaFrame(canvas.current, img, { fovDeg, yawDeg })) {
          canvas.current.dataset.painted = 'true'
          // After the browser has presented the frame, not merely issued the draw.
          requestAnimationFrame(() => performance.mark(PANORAMA_FIRST_FRAME_MARK))
        }
      })
      .catch(() => {})
      .finally(() => live && done.current())
    return () => {
      live = false
    }
  }, [src, yawDeg, fovDeg])
  return <canvas ref={canvas} className="vr-preview" data-testid="panorama-preview" />
}
