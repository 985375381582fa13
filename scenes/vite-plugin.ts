import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import type { Plugin } from 'vite'
import { describeIssues } from '../build/content-loader.ts'
import { earlyEntryPlugin } from './early-entry-plugin.ts'
import { lessonSitesOf, loadSceneFile, SCENE_FILE, sceneFolders } from './load-scenes.ts'
import { PANORAMA_PRELOADS_FILE } from './panorama-preloads.ts'

/**
 * The XR build's three needs:
 * 1. `import scene from './<id>/scene.yaml'` gives the validated scene as a JSON module; a bad
 *    scene fails the build with `file: field.path: value rule`, like routes-data.
 * 2. The WebXR input profiles (controller layouts and models) ship from our own origin under
 *    /xr/profiles/: without them, controller input itself fetches them from a CDN
 *    (notes/stack.md), and offline there would be no pointers at all.
 * 3. A panorama scene's first frame before the app: its image and heading in a tiny virtual
 *    module for the app's first script (built as an entry of its own, early-entry-plugin.ts),
 *    and its image in a file for the server's preload header.
 */
/**
 * The controllers of the headsets a VR center has (Quest 3/3S, Quest 2, Quest Pro, PICO 4,
 * 4 Ultra, Neo 3) and the fallback for any other, and the hand model every headset shows when
 * the visitor puts the controllers down (hand tracking). The profiles list we serve names only
 * these: the loader takes the first id of a controller found in the list, and never falls back
 * when that fetch fails, so a listed but missing profile left a controller without any input.
 */
export const SHIPPED_PROFILES = [
  'meta-quest-touch-plus',
  'oculus-touch-v3',
  'meta-quest-touch-pro',
  'pico-4',
  'pico-4u',
  'pico-neo3',
  'generic-trigger',
  'generic-hand',
] as const
const PROFILES_URL = '/xr/profiles/'
/**
 * `{ [sceneId]: { src: '/xr/panoramas/…', yawDeg } }` for panorama scenes: what the app's first
 * script needs to paint a panorama's first frame before the app (src/xr/panorama/early-load.ts).
 */
const PANORAMA_SOURCES = 'virtual:hongtu-panorama-sources'

/** Each panorama scene's image and the heading its spawn faces (degrees, see angles.ts). */
function panoramaFirstFrames(projectRoot: string): Record<string, { src: string; yawDeg: number }> {
  const lessonSites = lessonSitesOf(projectRoot)
  const frames: Record<string, { src: string; yawDeg: number }> = {}
  for (const folder of sceneFolders(projectRoot)) {
    const loaded = loadSceneFile(projectRoot, folder, lessonSites)
    const scene = 'scene' in loaded ? loaded.scene : undefined
    if (scene?.kind === 'panorama')
      frames[scene.id] = { src: `/${scene.panorama.src}`, yawDeg: scene.spawn.yawDeg }
  }
  return frames
}

export function scenesPlugin(projectRoot: string): Plugin[] {
  return [scenesFilesPlugin(projectRoot), earlyEntryPlugin('src/early.ts')]
}

function scenesFilesPlugin(projectRoot: string): Plugin {
  const require = createRequire(import.meta.url)
  const profilesDir = join(
    require.resolve('@webxr-input-profiles/assets/package.json'),
    '..',
    'dist',
    'profiles',
  )
  const shippedList = () =>
    JSON.stringify(shippedProfilesList(readFileSync(join(profilesDir, 'profilesList.json'), 'utf8')))
  return {
    name: 'hongtu-scenes',
    resolveId(id) {
      return id === PANORAMA_SOURCES ? `\0${PANORAMA_SOURCES}` : undefined
    },
    load(id) {
      if (id !== `\0${PANORAMA_SOURCES}`) return undefined
      return `export default ${JSON.stringify(panoramaFirstFrames(projectRoot))}`
    },
    transform(_code, id) {
      const path = id.split('?')[0] ?? id
      if (!path.endsWith(`${sep}${SCENE_FILE}`) && !path.endsWith(`/${SCENE_FILE}`)) return undefined
      const folder = relative(join(projectRoot, 'scenes'), join(path, '..'))
      const loaded = loadSceneFile(projectRoot, folder, lessonSitesOf(projectRoot))
      if (!('scene' in loaded) || !loaded.scene)
        this.error(`scene check failed:\n${describeIssues(loaded.issues)}`)
      return { code: `export default ${JSON.stringify(loaded.scene)}`, map: null }
    },
    // Emitted as assets (not copied after the bundle) so that the service worker's precache
    // sees the profile JSON files; the .glb models are cached when first used (vite.config.ts).
    buildStart() {
      const emit = (name: string) =>
        this.emitFile({
          type: 'asset',
          fileName: `xr/profiles/${name}`,
          source: readFileSync(join(profilesDir, name)),
        })
      this.emitFile({ type: 'asset', fileName: 'xr/profiles/profilesList.json', source: shippedList() })
      for (const p of SHIPPED_PROFILES) for (const f of readdirSync(join(profilesDir, p))) emit(`${p}/${f}`)
    },
    // The same images by scene id, for the server's preload header (scenes/panorama-preloads.ts).
    generateBundle() {
      const preloads = Object.fromEntries(
        Object.entries(panoramaFirstFrames(projectRoot)).map(([id, frame]) => [id, frame.src]),
      )
      this.emitFile({ type: 'asset', fileName: PANORAMA_PRELOADS_FILE, source: JSON.stringify(preloads) })
    },
    configureServer(server) {
      server.middlewares.use(PROFILES_URL, (req, res, next) => {
        if ((req.url ?? '').split('?')[0] === '/profilesList.json') {
          res.setHeader('content-type', 'application/json')
          return res.end(shippedList())
        }
        const file = join(profilesDir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'))
        if (!file.startsWith(profilesDir) || !existsSync(file) || !statSync(file).isFile()) return next()
        res.setHeader('content-type', file.endsWith('.json') ? 'application/json' : 'model/gltf-binary')
        res.end(readFileSync(file))
      })
    },
  }
}

/** The registry's profiles list cut down to the profiles we ship (see SHIPPED_PROFILES). */
export function shippedProfilesList(registryList: string): Record<string, unknown> {
  const all = JSON.parse(registryList) as Record<string, unknown>
  const shipped: Record<string, unknown> = {}
  for (const id of SHIPPED_PROFILES) {
    if (!(id in all)) throw new Error(`the input profiles registry has no ${id}`)
    shipped[id] = all[id]
  }
  return shipped
}
