import { NAVIGATE_EVENT } from './features/shell/navigate-event.ts'
import { tellZodEvalIsForbidden } from './platform/zod-without-eval.ts'
import { dropUnadoptedEarlyPanorama } from './xr/panorama/early-handoff.ts'
import { startPanoramaForPath } from './xr/panorama/early-load.ts'

// The app's first script: an entry of its own in the build, which then starts the app's main
// bundle (scenes/early-entry-plugin.ts); a dev server runs it as main.tsx's first import. Keep
// its imports few and React-free, and never let it throw: the app's bundle imports it.

/**
 * On a panorama scene's page the app's bundle starts once the panorama's first frame is on
 * screen, and at most this long after this script ran. The frame needs the main thread for a
 * few short steps (the file's response, the decoded image, a small upload, a draw); the
 * bundle's evaluation and first render hold it for a few hundred milliseconds on a slow phone,
 * and the frame would wait for the whole app. A file still downloading after this long (a slow
 * network) is not waited for: the app starts and the frame follows when it can.
 */
const FIRST_FRAME_WAIT_MS = 700

/**
 * The app's main bundle, named in index.html by the build; absent on a dev server (main.tsx
 * runs). This script is async and may run before the page is parsed: the bundle needs #root,
 * and its name is further down the page, so it waits for the parse (the bundle is downloading
 * meanwhile, preloaded).
 */
function startApp(): void {
  if (document.readyState === 'loading') {
    addEventListener('DOMContentLoaded', startApp, { once: true })
    return
  }
  const entry = document.querySelector<HTMLLinkElement>('link[data-app-entry]')
  if (entry) void import(/* @vite-ignore */ entry.href)
}

function startPanorama(scenePath: string): Promise<boolean> | undefined {
  try {
    return startPanoramaForPath(scenePath)
  } catch (error) {
    // Without the early frame the VR screen paints its own: never worth stopping the app for.
    console.error(error)
    return undefined
  }
}

// Before the app's bundle, which holds zod, is evaluated.
tellZodEvalIsForbidden()

const scenePath = location.pathname
const painted = startPanorama(scenePath)
if (painted) {
  // Left (a header link, Back) before the VR screen took the frame over: the frame goes too.
  const leave = () => {
    if (location.pathname !== scenePath) dropUnadoptedEarlyPanorama()
  }
  addEventListener('popstate', leave)
  addEventListener(NAVIGATE_EVENT, leave)
  const waited = new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))
  void Promise.race([painted, waited]).then(startApp)
} else startApp()
