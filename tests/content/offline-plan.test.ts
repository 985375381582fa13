import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../build/content-loader.ts'
import { readMapProvider } from '../../src/features/map/provider-config.ts'
import { planRoute } from '../../src/features/routes/offline-plan.ts'
import { indexContent } from '../../src/features/shell/content-context.tsx'
import { validContentFiles, writeContentTree } from './fixture-content.ts'

/** What "download this route" fetches: lesson media of the route's sites, and tiles only with a provider. */
function contentWithImage() {
  const files = validContentFiles()
  files['routes-data/lessons/zaoyuan-lesson.yaml'] = (
    files['routes-data/lessons/zaoyuan-lesson.yaml'] ?? ''
  ).replace('steps:\n', 'steps:\n  - { kind: image, src: media/zaoyuan/yard.jpg, alt: { zh: 院落 } }\n')
  const root = writeContentTree(files)
  mkdirSync(join(root, 'public/media/zaoyuan'), { recursive: true })
  writeFileSync(join(root, 'public/media/zaoyuan/yard.jpg'), 'x')
  const pack = loadContent(root).pack
  if (!pack) throw new Error('fixture content invalid')
  return indexContent(pack)
}

describe('planRoute', () => {
  const content = contentWithImage()
  const route = content.pack.routes[0]!

  it('lists each lesson medium once and no tiles without a provider', () => {
    const plan = planRoute(route, content, readMapProvider({}))
    expect(plan.media).toEqual(['/media/zaoyuan/yard.jpg'])
    expect(plan.tiles).toBe(0)
    expect(plan.items.map((i) => i.url)).toEqual(['/media/zaoyuan/yard.jpg'])
  })

  it('adds corridor tiles from the provider template, as deep as the cap allows', () => {
    const provider = readMapProvider({
      VITE_MAP_TILE_URL: 'https://t{s}.example.org/{z}/{x}/{y}.png',
      VITE_MAP_TILE_SUBDOMAINS: '0,1',
    })
    const plan = planRoute(route, content, provider)
    expect(plan.maxZoom).toBe(15)
    expect(plan.tiles).toBeGreaterThan(10)
    expect(plan.items).toHaveLength(plan.tiles + 1)
    expect(plan.items[1]?.url).toMatch(/^https:\/\/t[01]\.example\.org\/8\/\d+\/\d+\.png$/)
  })
})
