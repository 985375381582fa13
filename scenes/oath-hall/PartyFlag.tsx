import { useEffect, useMemo } from 'react'
import { drawPartyFlag } from './flag-texture.ts'
import { HALL } from './Hall.tsx'

/** The flag on the front wall, 3 m × 2 m (3:2), its lower edge 2 m above the floor. One call. */
export function PartyFlag() {
  const texture = useMemo(drawPartyFlag, [])
  useEffect(() => () => texture.dispose(), [texture])
  return (
    <mesh name="party-flag" position={[0, 3, HALL.front + 0.02]}>
      <planeGeometry args={[3, 2]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
