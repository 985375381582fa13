import { Billboard } from '@react-three/drei'
import { useFrame } from '@react-three/fiber'
import { use, useMemo, useRef, useState } from 'react'
import { type Group, type Mesh, type PerspectiveCamera, Vector3 } from 'three'
import { usePreferences } from '../i18n/i18n.tsx'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { HOTSPOT_HIT_RADIUS_M, TEXT_LABEL_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { useSceneActions, useSceneStore } from './scene-store.ts'
import {
  growScale,
  HIT_AREA_MIN_SIZE,
  type LabelView,
  MARKER_MIN_SIZE,
  SCREEN_TITLE_PX,
  SCREEN_TITLE_PX_LARGE,
  titleScale,
} from './screen-label-scale.ts'
import { noteClick } from './test-api.ts'
import { useXrText } from './use-xr-text.ts'

/**
 * A selectable point of interest: a glowing marker, its title above, and an invisible hit sphere
 * of HOTSPOT_HIT_RADIUS_M around it so a shaky ray, a hand, a gaze or a fingertip on a phone all
 * find it. `scale` enlarges everything for far hotspots (panoramas), so they keep their angular
 * size. From wherever the viewer is, the marker stays big enough to see, the hit sphere to touch
 * or aim at, and the title to read (screen-label-scale.ts): each is enlarged as needed, the title
 * from its foot, which rises with the marker so that it never covers it.
 */
const TITLE_SIZE_M = TEXT_LABEL_M * 0.8
const TITLE_MAX_WIDTH_M = 0.9
const TITLE_LINE_HEIGHT = 1.15
const MARKER_RADIUS_M = 0.09
/** The title's foot, above the marker's centre: clear of the marker even when it is emphasised (×1.4). */
const TITLE_LIFT_M = 0.16
/** The marker's size when hovered or highlighted by the trainer. */
const EMPHASIS = 1.4

// Scratch vectors for the per-frame distances (never allocated in a frame).
const eye = new Vector3()
const foot = new Vector3()
const centre = new Vector3()

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
  const largeText = usePreferences().prefs.largeText
  const label = useRef<Group>(null)
  const marker = useRef<Mesh>(null)
  const hitArea = useRef<Mesh>(null)
  const emphasis = highlighted || hover ? EMPHASIS : 1
  // Sizes that depend on where the viewer is: set on the objects each frame, as the viewer
  // walks, teleports or turns a phone (STYLE.md 10). The stage draws on demand without a
  // headset, and every move that changes the distance asks for a frame, so this always runs
  // before the frame that shows it. The marker first: the title's foot rises with it.
  useFrame(({ camera, gl, size }) => {
    const group = label.current
    if (!group || !marker.current || !hitArea.current) return
    const view: LabelView = gl.xr.isPresenting
      ? { kind: 'headset' }
      : {
          kind: 'screen',
          canvasHeightPx: size.height,
          fovDeg: (camera as PerspectiveCamera).fov,
          minPx: largeText ? SCREEN_TITLE_PX_LARGE : SCREEN_TITLE_PX,
        }
    camera.getWorldPosition(eye)
    const toMarker = eye.distanceTo(marker.current.getWorldPosition(centre))
    const markerGrowth = growScale(view, 2 * MARKER_RADIUS_M * scale, toMarker, MARKER_MIN_SIZE)
    marker.current.scale.setScalar(markerGrowth * emphasis)
    hitArea.current.scale.setScalar(
      growScale(view, 2 * HOTSPOT_HIT_RADIUS_M * scale, toMarker, HIT_AREA_MIN_SIZE),
    )
    group.position.y = TITLE_LIFT_M * markerGrowth
    const toTitle = eye.distanceTo(group.getWorldPosition(foot))
    group.scale.setScalar(titleScale(view, TITLE_SIZE_M * scale, toTitle))
  })
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
      <mesh ref={hitArea}>
        <sphereGeometry args={[HOTSPOT_HIT_RADIUS_M, 12, 8]} />
        {/* Not drawn (no draw call), still hit by rays. */}
        <meshBasicMaterial visible={false} />
      </mesh>
      <mesh ref={marker} name={`marker-${id}`}>
        <icosahedronGeometry args={[MARKER_RADIUS_M, 1]} />
        <meshBasicMaterial color={colour} toneMapped={false} />
      </mesh>
      <Billboard ref={label} position={[0, TITLE_LIFT_M, 0]}>
        <Label
          name={`title:${id}`}
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
        {/* As large as the title: one scale keeps both legible. */}
        {highlighted && (
          <Label
            name={`look-here:${id}`}
            size={TITLE_SIZE_M}
            anchorY="bottom"
            position={[0, titleHeight + 0.02, 0]}
            maxWidth={TITLE_MAX_WIDTH_M}
            lineHeight={TITLE_LINE_HEIGHT}
            textAlign="center"
            color="#ffdd55"
            outlineWidth={0.006}
            outlineColor="#3a1d0e"
          >
            {strings.lookHere}
          </Label>
        )}
      </Billboard>
    </group>
  )
}
