import { useState } from 'react'
import { Label } from './Label.tsx'
import { noteClick } from './test-api.ts'

/**
 * A flat button for panels, selectable by controller ray, hand, gaze, mouse or touch (all arrive
 * as pointer events). Named `button:<id>` so tests can find it. Sizes in metres.
 */
export function Button3D({
  id,
  label,
  onPress,
  position,
  width = 0.36,
  height = 0.1,
  selected = false,
  disabled = false,
  textSize = 0.04,
}: {
  id: string
  label: string
  onPress: () => void
  position: [number, number, number]
  width?: number
  height?: number
  selected?: boolean
  disabled?: boolean
  textSize?: number
}) {
  const [hover, setHover] = useState(false)
  const colour = disabled ? '#b8b0a8' : selected ? '#b0121b' : hover ? '#f3d9a4' : '#fff6e6'
  return (
    // Handlers on the group: an XR ray delivers to the nearest hit (here often the label in
    // front of the plate) and bubbles to its parents, never to a sibling.
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element
    <group
      name={`button:${id}`}
      position={position}
      onClick={(e) => {
        e.stopPropagation()
        noteClick(`button:${id}`)
        if (!disabled) onPress()
      }}
      onPointerOver={() => setHover(true)}
      onPointerOut={() => setHover(false)}
    >
      <mesh>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color={colour} toneMapped={false} />
      </mesh>
      <Label
        size={textSize}
        position={[0, 0, 0.002]}
        color={selected ? '#ffffff' : '#1f1a17'}
        maxWidth={width - 0.03}
        textAlign="center"
      >
        {label}
      </Label>
    </group>
  )
}
