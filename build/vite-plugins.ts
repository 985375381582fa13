import { relative } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { buildBasemap } from './basemap.ts'
import { describeIssues, loadContent } from './content-loader.ts'

/**
 * Validates routes-data/ at build time and emits content/pack.json. A content error fails the
 * build with every message (file, field path, value, rule). Warnings are printed, and fail the
 * build too unless HONGTU_ALLOW_CONTENT_WARNINGS=1.
 */
export function contentPackPlugin(projectRoot: string): Plugin {
  const PACK_PATH = 'content/pack.json'
  const load = () => {
    const result = loadContent(projectRoot)
    const errors = result.issues.filter((i) => i.severity === 'error')
    const warnings = result.issues.filter((i) => i.severity === 'warning')
    return { result, errors, warnings }
  }
  return {
    name: 'hongtu-content-pack',
    buildStart() {
      const { result, errors, warnings } = load()
      for (const f of result.files) this.addWatchFile(f)
      const notices = result.issues.filter((i) => i.severity === 'notice')
      if (warnings.length + notices.length > 0)
        this.warn(`content:\n${describeIssues([...warnings, ...notices])}`)
      const warningsFail = warnings.length > 0 && process.env.HONGTU_ALLOW_CONTENT_WARNINGS !== '1'
      if (errors.length > 0 || warningsFail || !result.pack)
        this.error(
          `content check failed (${errors.length} errors, ${warnings.length} warnings):\n${describeIssues(result.issues)}`,
        )
      this.emitFile({ type: 'asset', fileName: PACK_PATH, source: JSON.stringify(result.pack) })
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(`${projectRoot}/routes-data`)
      server.middlewares.use(`/${PACK_PATH}`, (_req, res) => {
        const { result } = load()
        if (!result.pack) {
          res.statusCode = 500
          res.setHeader('content-type', 'text/plain; charset=utf-8')
          res.end(describeIssues(result.issues))
          return
        }
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.end(JSON.stringify(result.pack))
      })
      server.watcher.on('change', (file) => {
        if (relative(projectRoot, file).startsWith('routes-data')) server.ws.send({ type: 'full-reload' })
      })
    },
  }
}

/** `virtual:hongtu-basemap`: the clipped land polygons as a GeoJSON module, bundled with the map code. */
export function basemapPlugin(): Plugin {
  const ID = 'virtual:hongtu-basemap'
  const RESOLVED = `\0${ID}`
  return {
    name: 'hongtu-basemap',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(buildBasemap())}` : undefined),
  }
}

const FIBER_CANVAS = /@react-three\/fiber\/dist\/react-three-fiber\.esm\.js$/
const WHOLE_NAMESPACE_IMPORT = "import * as THREE from 'three';"
const WHOLE_NAMESPACE_EXTEND = 'React.useMemo(() => extend(THREE), []);'

/**
 * Makes @react-three/fiber's <Canvas> register only the three.js classes our scenes use
 * (src/xr/three-catalogue.ts) instead of the whole THREE namespace, so the bundler can drop the
 * rest of three from the VR screen. The build fails if a new version of fiber no longer
 * contains the two lines replaced here, rather than silently shipping all of three again.
 */
export function leanThreeCataloguePlugin(projectRoot: string): Plugin {
  const catalogue = `${projectRoot}/src/xr/three-catalogue.ts`
  return {
    name: 'hongtu-lean-three-catalogue',
    enforce: 'pre',
    transform(code, id) {
      if (!FIBER_CANVAS.test(id.split('?')[0] ?? id)) return null
      if (!code.includes(WHOLE_NAMESPACE_IMPORT) || !code.includes(WHOLE_NAMESPACE_EXTEND))
        this.error(
          `${id}: @react-three/fiber changed; update leanThreeCataloguePlugin (build/vite-plugins.ts)`,
        )
      return code
        .replace(
          WHOLE_NAMESPACE_IMPORT,
          `import { threeCatalogue as THREE } from ${JSON.stringify(catalogue)};`,
        )
        .replace(WHOLE_NAMESPACE_EXTEND, 'React.useMemo(() => extend(THREE), []);')
    },
  }
}
