import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * The headset emulator (iwer, @iwer/*) and @react-three/xr's emulator environments are dev tools:
 * never in the production precache (DESIGN.md budgets). Found by their content, not their names,
 * so that renaming a chunk cannot hide one.
 */
const DIST = process.env.HONGTU_DIST_DIR ?? 'dist'
// iwer's device name, the dev UI's styling library, the synthetic environments' room data.
const EMULATOR_MARKERS = ['Meta Quest 3', 'styled-components', 'semanticLabel_META']

test('no emulator code is in the service worker precache', async () => {
  const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'))
  const emulatorChunks = assets.filter((f) => {
    const body = readFileSync(join(DIST, 'assets', f), 'utf8')
    return EMULATOR_MARKERS.some((m) => body.includes(m))
  })
  // The check is not vacuous: the build does contain emulator chunks.
  expect(emulatorChunks.length).toBeGreaterThan(0)
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8')
  for (const chunk of emulatorChunks) expect(sw, chunk).not.toContain(chunk)
  // The font, the profiles, the Quest controllers, the hands and the sample panorama are
  // precached: the VR screen works offline, with controllers or hands.
  for (const f of [
    'xr/fonts/hongtu-xr.woff',
    'xr/profiles/profilesList.json',
    'xr/profiles/meta-quest-touch-plus/left.glb',
    'xr/profiles/generic-hand/left.glb',
    'xr/profiles/generic-hand/right.glb',
    'xr/panoramas/panorama-sample.jpg',
  ])
    expect(sw).toContain(f)
})
