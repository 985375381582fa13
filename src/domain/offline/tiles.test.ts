import { describe, expect, it } from 'vitest'
import { corridorTiles, lngLatToTile, tileUrl } from './tiles.ts'

describe('lngLatToTile', () => {
  it('matches the slippy-map reference values', () => {
    expect(lngLatToTile({ lng: 0, lat: 0 }, 0)).toEqual({ z: 0, x: 0, y: 0 })
    expect(lngLatToTile({ lng: 0.0001, lat: 0.0001 }, 1)).toEqual({ z: 1, x: 1, y: 0 })
    // Yan'an at z10: x = floor((109.49+180)/360·1024) = 823, y from the Mercator formula.
    const t = lngLatToTile({ lng: 109.49, lat: 36.59 }, 10)
    expect(t.x).toBe(823)
    expect(t.y).toBe(400)
  })

  it('clamps to the projection’s latitude limit', () => {
    expect(lngLatToTile({ lng: 0, lat: 89.9 }, 3).y).toBe(0)
    expect(lngLatToTile({ lng: 180, lat: -89.9 }, 3)).toEqual({ z: 3, x: 7, y: 7 })
  })
})

describe('corridorTiles', () => {
  const route = [
    { lng: 109.43, lat: 36.62 },
    { lng: 109.49, lat: 36.59 },
  ]

  it('covers every sample of the route at every zoom, without duplicates', () => {
    const tiles = corridorTiles(route, { bufferM: 500, minZoom: 12, maxZoom: 14, maxTiles: 10_000 }) ?? []
    const keys = tiles.map((t) => `${t.z}/${t.x}/${t.y}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const z of [12, 13, 14])
      for (const p of [...route, { lng: 109.46, lat: 36.605 }]) {
        const t = lngLatToTile(p, z)
        expect(keys).toContain(`${z}/${t.x}/${t.y}`)
      }
    // Each zoom level roughly doubles the tiles along a line.
    const per = (z: number) => tiles.filter((t) => t.z === z).length
    expect(per(14)).toBeGreaterThan(per(13))
  })

  it('refuses a plan beyond the tile cap', () => {
    expect(corridorTiles(route, { bufferM: 500, minZoom: 10, maxZoom: 19, maxTiles: 500 })).toBeUndefined()
  })

  it('fills an XYZ template', () => {
    expect(tileUrl('https://t/{z}/{x}/{y}.png', { z: 3, x: 4, y: 5 })).toBe('https://t/3/4/5.png')
  })
})
