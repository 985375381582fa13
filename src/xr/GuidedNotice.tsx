import { useFrame, useThree } from '@react-three/fiber'
import { useXR } from '@react-three/xr'
import { use, useEffect, useRef, useState } from 'react'
import { type Group, Vector3 } from 'three'
import { Button3D } from './Button3D.tsx'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { TEXT_BODY_M } from './comfort.ts'
import { useGuidedStrings } from './guided-strings.ts'
import { hotspotPosition } from './Hotspots.tsx'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { placeInFront } from './place-in-front.ts'
import { useSceneStore } from './scene-store.ts'
import { type Turn, turnToward } from './turn-toward.ts'
import { useXrText } from './use-xr-text.ts'

const WIDTH_M = 0.9
const TEXT_WIDTH_M = WIDTH_M - 0.12
const LINE_HEIGHT = 1.45
/** Above the text, and below it (room for the close button when there is one). */
const PAD_M = 0.06
const BUTTON_ROW_M = 0.14

/**
 * The trainer's pause and end, said in the scene. The page says them too (SessionStatus), but a
 * visitor in a headset sees nothing of the page: while paused their selections did nothing, with
 * no word why. The pause notice stays until the trainer resumes; the end notice can be closed,
 * and the visitor stays where they are, free to go on.
 */
export function GuidedNotice() {
  const phase = useSceneStore((s) => s.guided.phase)
  const highlight = useSceneStore((s) => s.guided.highlight)
  const { s } = useXrText()
  const g = useGuidedStrings()
  const [endClosed, setEndClosed] = useState(false)
  useEffect(() => {
    if (phase !== 'ended') setEndClosed(false)
  }, [phase])
  if (phase === 'paused') return <Notice name="panel:guided-paused" text={g.guidePaused} />
  if (phase === 'ended' && !endClosed)
    return (
      <Notice
        name="panel:guided-ended"
        text={g.guideEnded}
        close={{ label: s.close, onPress: () => setEndClosed(true) }}
      />
    )
  if (highlight) return <LookAtGuide hotspotId={highlight} />
  return null
}

const inView = new Vector3()
const GUIDE_DISTANCE_M = 1.4
const GUIDE_DROP_M = 0.35

/**
 * The trainer's "请看" in a headset, when the hotspot is out of view: which way to turn, kept low
 * in front of the visitor's eyes until they face it (the hotspot itself is marked 请大家看这里).
 * The page says it on a screen (SessionStatus); a visitor in a headset sees nothing of the page,
 * and a hotspot behind them was never found.
 */
function LookAtGuide({ hotspotId }: { hotspotId: string }) {
  const hotspot = useSceneStore((s) => s.scene.hotspots.find((h) => h.id === hotspotId))
  const inSession = useXR((state) => state.session != null)
  const { text } = useXrText()
  const g = useGuidedStrings()
  const camera = useThree((state) => state.camera)
  const group = useRef<Group>(null)
  const [turn, setTurn] = useState<Turn>(null)
  useFrame(() => {
    if (!hotspot) return
    inView.set(...hotspotPosition(hotspot)).applyMatrix4(camera.matrixWorldInverse)
    const next = turnToward(inView.x, inView.z)
    if (next !== turn) setTurn(next)
    // In front of where the visitor looks, a little low: read without blocking the view.
    if (group.current) placeInFront(group.current, camera, GUIDE_DISTANCE_M, GUIDE_DROP_M)
  })
  if (!hotspot || !inSession) return null
  const title = text(hotspot.title)
  const say = turn === 'left' ? g.lookTurnLeft : turn === 'right' ? g.lookTurnRight : g.lookTurnAround
  return (
    <group ref={group} name="guide:look-at" visible={turn !== null}>
      {turn !== null && (
        <Label
          name="look-at-turn"
          size={TEXT_BODY_M}
          maxWidth={1.1}
          textAlign="center"
          color="#ffdd55"
          outlineWidth={0.006}
          outlineColor="#3a1d0e"
        >
          {say(title)}
        </Label>
      )}
    </group>
  )
}

function Notice({
  name,
  text,
  close,
}: {
  name: string
  text: string
  close?: { label: string; onPress: () => void }
}) {
  use(loadXrFont())
  const textHeight = textBlockHeight(text, {
    size: TEXT_BODY_M,
    maxWidth: TEXT_WIDTH_M,
    lineHeight: LINE_HEIGHT,
  })
  const height = PAD_M * 2 + textHeight + (close ? BUTTON_ROW_M : 0)
  return (
    <Panel name={name} width={WIDTH_M} height={height}>
      <Label
        size={TEXT_BODY_M}
        position={[0, height / 2 - PAD_M, 0]}
        anchorY="top"
        maxWidth={TEXT_WIDTH_M}
        lineHeight={LINE_HEIGHT}
        textAlign="center"
        color="#b0121b"
      >
        {text}
      </Label>
      {close && (
        <Button3D
          id="close-guided-notice"
          label={close.label}
          onPress={close.onPress}
          position={[0, -height / 2 + 0.08, 0]}
        />
      )}
    </Panel>
  )
}
