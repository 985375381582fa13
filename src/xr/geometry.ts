import { useEffect, useMemo } from 'react'
import { BoxGeometry, type BufferGeometry, ConeGeometry, CylinderGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

/**
 * Procedural building blocks. An object made of many parts is merged into one geometry per
 * material, so it costs one draw call (the scene budget is ≤ 100 calls on a standalone headset).
 * All sizes and positions in metres, rotations in radians.
 */
export interface Part {
  readonly geometry: BufferGeometry
  readonly at?: readonly [number, number, number]
  readonly rotation?: readonly [number, number, number]
}

export const box = (w: number, h: number, d: number, at?: Part['at'], rotation?: Part['rotation']): Part => ({
  geometry: new BoxGeometry(w, h, d),
  at,
  rotation,
})

export const cylinder = (
  rTop: number,
  rBottom: number,
  h: number,
  segments: number,
  at?: Part['at'],
  rotation?: Part['rotation'],
): Part => ({ geometry: new CylinderGeometry(rTop, rBottom, h, segments), at, rotation })

/** A four-sided hipped roof: a pyramid frustum, `w` × `d` at the eaves, `h` tall. */
export const roof = (w: number, d: number, h: number, at?: Part['at']): Part => {
  const g = new ConeGeometry(Math.SQRT1_2, 1, 4, 1)
  g.rotateY(Math.PI / 4)
  g.scale(w, h, d)
  return { geometry: g, at }
}

export function mergeParts(parts: readonly Part[]): BufferGeometry {
  const placed = parts.map(({ geometry, at, rotation }) => {
    const g = geometry.index ? geometry.toNonIndexed() : geometry
    if (rotation) {
      g.rotateX(rotation[0])
      g.rotateY(rotation[1])
      g.rotateZ(rotation[2])
    }
    if (at) g.translate(at[0], at[1], at[2])
    if (g !== geometry) geometry.dispose()
    return g
  })
  const merged = mergeGeometries(placed, false)
  for (const g of placed) g.dispose()
  if (!merged) throw new Error('mergeParts: parts have different attributes')
  return merged
}

/** One merged geometry for a component's lifetime, disposed when it unmounts. */
export function useMergedParts(build: () => readonly Part[]): BufferGeometry {
  // biome-ignore lint/correctness/useExhaustiveDependencies: built once per mount; parts are static
  const geometry = useMemo(() => mergeParts(build()), [])
  useEffect(() => () => geometry.dispose(), [geometry])
  return geometry
}
