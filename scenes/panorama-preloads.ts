/**
 * A panorama scene's page (/vr/<id>) starts its image with the page itself: the build writes
 * the scenes' images to PANORAMA_PRELOADS_FILE (scenes/vite-plugin.ts), and the server answers
 * such a page with a preload Link header for it (server/static-files.ts), so the image is on its
 * way before any script of the app has been downloaded. The app's first script
 * (src/xr/panorama/early-load.ts) then finds it in the memory cache.
 */
export const PANORAMA_PRELOADS_FILE = 'xr/panoramas/preloads.json'

/** The scene id in a scene page's path (/vr/<id>; scene ids are kebab-case), if any. */
export function scenePathId(pathname: string): string | undefined {
  return /^\/vr\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1]
}

/**
 * The Link header value for a page, given the build's `{ [sceneId]: imageUrl }`; undefined for
 * every page but a panorama scene's. High priority: it is the page's largest, slowest resource.
 */
export function panoramaPreloadLink(preloads: Readonly<Record<string, string>>, pathname: string) {
  const id = scenePathId(pathname)
  const src = id && Object.hasOwn(preloads, id) ? preloads[id] : undefined
  // as=fetch with crossorigin: the app fetches the file (to decode it off the main thread), and
  // only a preload of the same kind and mode is reused rather than downloaded twice.
  return src ? `<${src}>; rel=preload; as=fetch; crossorigin; fetchpriority=high` : undefined
}
