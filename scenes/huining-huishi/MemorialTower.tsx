import { box, cylinder, useMergedParts } from '../../src/xr/geometry.ts'

/** Where the tower stands (the square's north side) and its modelled height, metres. */
export const TOWER_AT: [number, number, number] = [0, 0, -8]
const HEIGHT_M = 22
/** How far each tower body's foot stands from the centre, metres. */
const SPREAD_M = 2.4

/**
 * 会师纪念塔 (1986): three tower bodies rising around each other and merging into one near the
 * top, for the union of the three armies — three leaning, tapering shafts on a stepped base,
 * joined by a crown. The modelled height and proportions are approximate. One draw call.
 */
export function MemorialTower() {
  const geometry = useMergedParts(() => {
    const [cx, , cz] = TOWER_AT
    const parts = [
      box(9, 0.5, 9, [cx, 0.25, cz]),
      box(7, 0.5, 7, [cx, 0.75, cz]),
      box(5.4, 0.6, 5.4, [cx, 1.3, cz]),
    ]
    const lean = Math.atan2(SPREAD_M, HEIGHT_M)
    for (let i = 0; i < 3; i++) {
      const a = (i / 3) * Math.PI * 2
      const x = Math.sin(a) * (SPREAD_M / 2)
      const z = Math.cos(a) * (SPREAD_M / 2)
      // Each shaft leans inward (tilt toward −z, then turned to its side), so the three meet near the top.
      parts.push(cylinder(0.45, 1.05, HEIGHT_M, 3, [cx + x, 1.6 + HEIGHT_M / 2, cz + z], [-lean, a, 0]))
    }
    parts.push(cylinder(0.2, 0.9, 3, 6, [cx, 1.6 + HEIGHT_M + 1, cz]))
    return parts
  })
  return (
    <mesh geometry={geometry} name="memorial-tower">
      <meshLambertMaterial color="#e9e4da" />
    </mesh>
  )
}
