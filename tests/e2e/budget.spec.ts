import { FIRST_SCREEN_JS_BUDGET_BYTES, measureScreenJs, SCREENS } from '../../bench/measure-js.ts'
import { expect, test } from './fixtures.ts'

test('the first screen loads at most 150 KB of gzip JS, and none of the map code', async ({
  browser,
  baseURL,
}) => {
  const first = await measureScreenJs(browser, baseURL ?? '', SCREENS[0])
  expect(first.gzipBytes, first.files.map((f) => `${f.name} ${f.gzipBytes}`).join('\n')).toBeLessThanOrEqual(
    FIRST_SCREEN_JS_BUDGET_BYTES,
  )
  // A string from maplibre's Map class: if it is here, the map code leaked onto the first screen.
  for (const body of first.scriptBodies) expect(body.includes('maplibregl-canvas')).toBe(false)
  expect(first.files.some((f) => /worker/i.test(f.name))).toBe(false)
})

test('the route screen does load the map code (the measure is not vacuous)', async ({ browser, baseURL }) => {
  const route = await measureScreenJs(browser, baseURL ?? '', SCREENS[1])
  expect(route.scriptBodies.some((b) => b.includes('maplibregl-canvas'))).toBe(true)
  expect(route.gzipBytes).toBeGreaterThan(FIRST_SCREEN_JS_BUDGET_BYTES)
})
