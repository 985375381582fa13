import panoramaSources from 'virtual:hongtu-panorama-sources'
import { preloadPanorama } from './first-frame.ts'

/**
 * Starts downloading and decoding a panorama the moment the app's first script runs, when the
 * address is a panorama scene (/vr/<id>): in parallel with the rest of the app, the content
 * pack and the scene's code, instead of after them. This is the whole difference between our
 * first panorama frame and a single-purpose viewer's (Pannellum's), which starts its image
 * request as soon as its one small script has run. The map of sources is a few hundred bytes.
 */
const started = new Map<string, Promise<HTMLImageElement>>()

/** The decoded image, started now or earlier; the same promise for the same source. */
export function panoramaImage(src: string): Promise<HTMLImageElement> {
  let image = started.get(src)
  if (!image) {
    image = preloadPanorama(src)
    started.set(src, image)
    // A failed start is retried on the next ask (the preview then reports the failure itself).
    image.catch(() => started.delete(src))
  }
  return image
}

export function startPanoramaForPath(pathname: string, loadScreen: () => Promise<unknown>): void {
  const id = /^\/vr\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1]
  const src = id ? panoramaSources[id] : undefined
  if (!src) return
  void panoramaImage(src).catch(() => {})
  // The screen's code too, while the app starts and reads its content, rather than after.
  void loadScreen().catch(() => {})
}
