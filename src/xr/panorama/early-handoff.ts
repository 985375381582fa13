import type { PanoramaCanvas } from './panorama-canvas.ts'

/**
 * The hand-over of the frame painted before the app (early-load.ts) to the VR screen
 * (PanoramaPreview), which moves it into its stage. Held here, in a few lines the app's first
 * script carries, rather than with the painter, whose code loads only on a panorama's page.
 */
let early: { src: string; panorama: Promise<PanoramaCanvas | undefined>; adopted: boolean } | undefined

/** Offers the canvas being painted for `src` (undefined if it could not be made). */
export function offerEarlyPanorama(src: string, panorama: Promise<PanoramaCanvas | undefined>): void {
  early = { src, panorama, adopted: false }
}

/**
 * The early canvas for `src`, handed over once: the caller moves it where it wants it, redraws
 * it there and disposes of it when done. Undefined when there is none (the screen was opened
 * from inside the app, or another scene's address was opened first); the promise settles at
 * once in practice, as the painter's code has loaded long before the VR screen mounts.
 */
export function adoptEarlyPanorama(src: string): Promise<PanoramaCanvas | undefined> | undefined {
  if (!early || early.adopted || early.src !== src) return undefined
  early.adopted = true
  return early.panorama.then((panorama) => {
    panorama?.canvas.classList.remove('panorama-early')
    if (panorama) delete panorama.canvas.dataset.testid
    return panorama
  })
}

/** The member left the scene before its screen adopted the early canvas: it goes too. */
export function dropUnadoptedEarlyPanorama(): void {
  if (!early || early.adopted) return
  void early.panorama.then((panorama) => panorama?.dispose())
  early = undefined
}
