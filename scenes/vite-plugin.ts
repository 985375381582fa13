import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import type { Plugin } from 'vite'
import { describeIssues } from '../build/content-loader.ts'
import { lessonSitesOf, loadSceneFile, SCENE_FILE, sceneFolders } from './load-scenes.ts'

/**
 * The XR build's two needs:
 * 1. `import scene from './<id>/scene.yaml'` gives the validated scene as a JSON module; a bad
 *    scene fails the build with `file: field.path: value rule`, like routes-data.
 * 2. The WebXR input profiles (controller layouts and models) ship from our own origin under
 *    /xr/profiles/: without them, controller input itself fetches them from a CDN
 *    (notes/stack.md), and offline there would be no pointers at all.
 */
const PROFILES = ['meta-quest-touch-plus', 'generic-trigger'] as const
const PROFILES_URL = '/xr/profiles/'
/** `{ [sceneId]: '/xr/panoramas/…' }` for panorama scenes: see src/xr/panorama/early-load.ts. */
const PANORAMA_SOURCES = 'virtual:hongtu-panorama-sources'

export function scenesPlugin(projectRoot: string): Plugin {
  const require = createRequire(import.meta.url)
  const profilesDir = join(
    require.resolve('@webxr-input-profiles/assets/package.json'),
    '..',
    'dist',
    'profiles',
  )
  return {
    name: 'hongtu-scenes',
    resolveId(id) {
      return id === PANORAMA_SOURCES ? `\0${PANORAMA_SOURCES}` : undefined
    },
    load(id) {
      if (id !== `\0${PANORAMA_SOURCES}`) return undefined
      const lessonSites = lessonSitesOf(projectRoot)
      const sources: Record<string, string> = {}
      for (const folder of sceneFolders(projectRoot)) {
        const loaded = loadSceneFile(projectRoot, folder, lessonSites)
        const scene = 'scene' in loaded ? loaded.scene : undefined
        if (scene?.kind === 'panorama') sources[scene.id] = `/${scene.panorama.src}`
      }
      return `export default ${JSON.stringify(sources)}`
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
      emit('profilesList.json')
      for (const p of PROFILES) for (const f of readdirSync(join(profilesDir, p))) emit(`${p}/${f}`)
    },
    configureServer(server) {
      server.middlewares.use(PROFILES_URL, (req, res, next) => {
        const file = join(profilesDir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'))
        if (!file.startsWith(profilesDir) || !existsSync(file) || !statSync(file).isFile()) return next()
        res.setHeader('content-type', file.endsWith('.json') ? 'application/json' : 'model/gltf-binary')
        res.end(readFileSync(file))
      })
    },
  }
}
