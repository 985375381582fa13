import { box, useMergedParts } from '../../src/xr/geometry.ts'

/** The kang (土炕), the heated brick bed along the right wall: 1.6 m × 2.2 m, 0.6 m high. */
export function Kang() {
  const geometry = useMergedParts(() => [
    box(1.5, 0.6, 2.2, [1.05, 0.3, -3]),
    box(1.3, 0.08, 2, [1.05, 0.64, -3]),
  ])
  return (
    <mesh geometry={geometry} name="kang">
      <meshLambertMaterial color="#b59a78" />
    </mesh>
  )
}
