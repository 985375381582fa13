import { box, useMergedParts } from '../../src/xr/geometry.ts'

/** The desk stands against the back wall; its top is DESK_TOP_M above the floor. */
export const DESK_AT: [number, number, number] = [0, 0, -6.3]
export const DESK_TOP_M = 0.78

/** A plain wooden desk with a stool: top, four legs, stool. One draw call. */
export function Desk() {
  const geometry = useMergedParts(() => {
    const [x, , z] = DESK_AT
    const parts = [box(1.3, 0.05, 0.65, [x, DESK_TOP_M, z])]
    for (const dx of [-0.6, 0.6])
      for (const dz of [-0.28, 0.28])
        parts.push(box(0.05, DESK_TOP_M, 0.05, [x + dx, DESK_TOP_M / 2, z + dz]))
    parts.push(box(0.4, 0.04, 0.3, [x, 0.45, z + 0.65]), box(0.35, 0.45, 0.25, [x, 0.225, z + 0.65]))
    return parts
  })
  return (
    <mesh geometry={geometry} name="desk">
      <meshLambertMaterial color="#7a4e2d" />
    </mesh>
  )
}
