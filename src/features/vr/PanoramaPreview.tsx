import { useLayoutEffect, useRef } from 'react'
import { adoptEarlyPanorama } from '../../xr/panorama/early-handoff.ts'
import type { PanoramaCanvas } from '../../xr/panorama/panorama-canvas.ts'

/** The painter's code: on a cold start at the scene's address it has loaded long before. */
const painterCode = () => import('../../xr/panorama/panorama-canvas.ts')

/**
 * The panorama's first frame in the stage until the 3D stack has loaded. On a cold start at the
 * scene's address the frame was already painted behind the app (early-load.ts): it is moved
 * here and redrawn at the stage's size, the same view, no new upload. Opened from inside the
 * app, it is decoded and painted here. `onPainted` fires after the paint (or after a
 * failure), and the screen then loads the full stage, which takes over.
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
  const box = useRef<HTMLDivElement>(null)
  const done = useRef(onPainted)
  done.current = onPainted
  // A layout effect: the adopted canvas (its promise settled already) is moved and redrawn at its
  // new size in this task's microtasks, before the browser paints: no frame shows it stretched.
  useLayoutEffect(() => {
    const host = box.current
    if (!host) return
    const view = { fovDeg, yawDeg }
    let live = true
    let panorama: PanoramaCanvas | undefined
    const paintHere = () =>
      painterCode().then(({ paintPanoramaCanvas }) => paintPanoramaCanvas(src, view, (c) => host.append(c)))
    const show = (shown: PanoramaCanvas) => {
      if (!live) {
        shown.dispose()
        return false
      }
      panorama = shown
      host.append(shown.canvas)
      shown.redraw(view)
      return shown.painted
    }
    void (adoptEarlyPanorama(src) ?? Promise.resolve(undefined))
      .then((early) => early ?? paintHere())
      .then(show)
      .catch(() => {})
      .finally(() => live && done.current())
    return () => {
      live = false
      panorama?.dispose()
    }
  }, [src, yawDeg, fovDeg])
  return <div ref={box} className="vr-preview" data-testid="panorama-preview" />
}
