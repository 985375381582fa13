import { useLayoutEffect, useRef } from 'react'
import { type InstancedMesh, Object3D } from 'three'

/** Where the square's pines stand, metres: two rows along its east and west edges. */
const TREES: [number, number][] = Array.from({ length: 16 }, (_, i) => [i < 8 ? -11 : 11, -10 + (i % 8) * 3])

/** Pine trees lining the square: one instanced draw call for all of them. */
export function Trees() {
  const mesh = useRef<InstancedMesh>(null)
  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    const o = new Object3D()
    TREES.forEach(([x, z], i) => {
      o.position.set(x, 2.2, z)
      o.updateMatrix()
      m.setMatrixAt(i, o.matrix)
    })
    m.instanceMatrix.needsUpdate = true
  }, [])
  return (
    <instancedMesh ref={mesh} args={[undefined, undefined, TREES.length]} name="trees">
      <coneGeometry args={[1.2, 4.4, 7]} />
      <meshLambertMaterial color="#3f6b3a" />
    </instancedMesh>
  )
}
