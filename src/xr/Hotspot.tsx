import { Billboard } from '@react-three/drei'
import { useThree } from '@react-three/fiber'
import { useXR } from '@react-three/xr'
import { use, useMemo, useState } from 'react'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { HOTSPOT_HIT_RADIUS_M, TEXT_LABEL_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'
import { screenLabelScale } from './screen-label-scale.ts'
import { noteClick } from './test-api.ts'
import { useXrText } from './use-xr-text.ts'

/**
 * A selectable point of interest: a glowing marker, its title above, and an invisible hit sphere
 * of HOTSPOT_HIT_RADIUS_M around it so a shaky ray, a hand, a gaze or a fingertip on a phone all
 * find it. `scale` enlarges everything for far hotspots (panoramas), so they keep their angular size.
 */
const TITLE_SIZE_M = TEXT_LABEL_M * 0.8
const TITLE_MAX_WIDTH_M = 0.9
const TITLE_LINE_HEIGHT = 1.15

export function Hotspot({
  id,
  title,
  position,
  scale = 1,
}: {
  id: string
  title: string
  position: [number, number, number]
  scale?: number
}) {
  const { open } = useSceneActions()
  const strings = useXrText().s
  use(loadXrFont())
  // A long title (in English, say) wraps above its marker instead of running across the scene.
  const titleHeight = useMemo(
    () =>
      textBlockHeight(title, {
        size: TITLE_SIZE_M,
        maxWidth: TITLE_MAX_WIDTH_M,
        lineHeight: TITLE_LINE_HEIGHT,
      }),
    [title],
  )
  const visited = useSceneStore((s) => s.visited.includes(id))
  const highlighted = useSceneStore((s) => s.guided.highlight === id)
  const [hover, setHover] = useState(false)
  const labelScale = screenLabelScale(
    useThree((s) => s.size.width),
    useXR((s) => s.session != null),
  )
  const colour = highlighted ? '#ff3b30' : hover ? '#ffe08a' : visited ? '#c9a227' : '#ffcc33'
  return (
    // Handlers on the group, so the marker, its label and the hit sphere all select it.
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element
    <group
      name={`hotspot:${id}`}
      position={position}
      scale={scale}
      onClick={(e) => {
        e.stopPropagation()
        noteClick(`hotspot:${id}`)
        open(id)
      }}
      onPointerOver={() => setHover(true)}
      onPointerOut={() => setHover(false)}
    >
      <mesh>
        <sphereGeometry args={[HOTSPOT_HIT_RADIUS_M, 12, 8]} />
        {/* Not drawn (no draw call), still hit by rays. */}
        <meshBasicMaterial visible={false} />
      </mesh>
      <mesh scale={highlighted || hover ? 1.4 : 1}>
        <icosahedronGeometry args={[0.09, 1]} />
        <meshBasicMaterial color={colour} toneMapped={false} />
      </mesh>
      <Billboard position={[0, 0.24 * labelScale, 0]} scale={labelScale}>
        <Label
          size={TITLE_SIZE_M}
          anchorY="bottom"
          maxWidth={TITLE_MAX_WIDTH_M}
          lineHeight={TITLE_LINE_HEIGHT}
          textAlign="center"
          color="#fffaf3"
          outlineWidth={0.006}
          outlineColor="#3a1d0e"
        >
          {title}
        </Label>
        {highlighted && (
          <Label
            size={TEXT_LABEL_M * 0.6}
            anchorY="bottom"
            position={[0, titleHeight + 0.02, 0]}
            color="#ffdd55"
            outlineWidth={0.005}
            outlineColor="#3a1d0e"
          >
            {strings.lookHere}
          </Label>
        )}
      </Billboard>
    </group>
  )
}
