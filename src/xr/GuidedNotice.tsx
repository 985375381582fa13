import { use, useEffect, useState } from 'react'
import { Button3D } from './Button3D.tsx'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { TEXT_BODY_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { useSceneStore } from './scene-store.ts'
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
  const { s } = useXrText()
  const [endClosed, setEndClosed] = useState(false)
  useEffect(() => {
    if (phase !== 'ended') setEndClosed(false)
  }, [phase])
  if (phase === 'paused') return <Notice name="panel:guided-paused" text={s.guidePaused} />
  if (phase === 'ended' && !endClosed)
    return (
      <Notice
        name="panel:guided-ended"
        text={s.guideEnded}
        close={{ label: s.close, onPress: () => setEndClosed(true) }}
      />
    )
  return null
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
