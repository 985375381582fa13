import panoramas from 'virtual:hongtu-panorama-sources'
import { scenePathId } from '../../../scenes/panorama-preloads.ts'
import { offerEarlyPanorama } from './early-handoff.ts'
import { STAGE_FOV_DEG } from './stage-view.ts'
// The painted canvas's rules, with the app's first stylesheet: the frame comes before any screen.
import './panorama-canvas.css'

/**
 * A panorama scene's first frame, started by the app's first script when the address is a
 * panorama scene (/vr/<id>): the file (on its way already by the server's preload header) is
 * decoded and painted as soon as it is here into a canvas of its own, fixed behind the app's
 * UI, before React, the content pack and the VR screen exist (early.ts holds the app's bundle
 * back meanwhile, briefly). The VR screen then adopts that canvas into its stage
 * (early-handoff.ts, PanoramaPreview), and the full 3D stage replaces it. This is what a
 * single-purpose viewer (Pannellum) does: image first, framework never. Only this map of scenes
 * (a few hundred bytes, scenes/vite-plugin.ts) is on every page; the painter loads on a
 * panorama's page only.
 */

/**
 * For a panorama scene's address: starts its first frame behind the app. Returns, if it did,
 * whether the frame was painted (panorama-canvas.ts), once it is known.
 */
export function startPanoramaForPath(pathname: string): Promise<boolean> | undefined {
  const id = scenePathId(pathname)
  const scene = id && Object.hasOwn(panoramas, id) ? panoramas[id] : undefined
  if (!scene) return undefined
  // The server's preload header has the file on its way already; the painter's code is small.
  const panorama = import('./panorama-canvas.ts').then(({ paintPanoramaCanvas }) => {
    // Fixed to the whole viewport (panorama-canvas.css), placed when painted: this script may
    // run before the page's body has been parsed (early-entry-plugin.ts); by the paint it has.
    const painting = paintPanoramaCanvas(
      scene.src,
      { fovDeg: STAGE_FOV_DEG, yawDeg: scene.yawDeg },
      (canvas) => (document.body ?? document.documentElement).prepend(canvas),
    )
    painting.canvas.classList.add('panorama-early')
    painting.canvas.dataset.testid = 'panorama-early'
    return painting
  })
  offerEarlyPanorama(
    scene.src,
    panorama.catch(() => undefined),
  )
  return panorama.then(
    (painting) => painting.painted,
    () => false,
  )
}
