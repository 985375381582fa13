import { use, useEffect, useMemo, useState } from 'react'
import type { SceneHotspot } from '../domain/scenes/schema.ts'
import { Button3D } from './Button3D.tsx'
import { loadXrFont, textBlockHeight } from './canvas-text.ts'
import { TEXT_BODY_M, TEXT_TITLE_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { useXrText } from './use-xr-text.ts'

const WIDTH_M = 1.1
/** The panel's height for a short text; a longer one (an English narration) makes it taller. */
const MIN_HEIGHT_M = 0.78
const TEXT_WIDTH_M = WIDTH_M - 0.12
const TITLE_LINE_HEIGHT = 1.2
const BODY_LINE_HEIGHT = 1.45
/** From the top edge to the title, the title to the body, the body to the bottom edge (buttons). */
const TOP_M = 0.05
const TITLE_GAP_M = 0.04
const BOTTOM_M = 0.2

/**
 * The open hotspot's narration: title, text (also the transcript when there is audio), and a
 * play button when the hotspot has a recording. Audio plays through an ordinary <audio>
 * element, which headset browsers play during an immersive session too.
 */
export function NarrationPanel({ hotspot, onClose }: { hotspot: SceneHotspot; onClose: () => void }) {
  const { s: xrStrings, text } = useXrText()
  use(loadXrFont())
  const title = text(hotspot.title)
  const body = text(hotspot.body)
  const [titleHeight, bodyHeight] = useMemo(
    () => [
      textBlockHeight(title, { size: TEXT_TITLE_M, maxWidth: TEXT_WIDTH_M, lineHeight: TITLE_LINE_HEIGHT }),
      textBlockHeight(body, { size: TEXT_BODY_M, maxWidth: TEXT_WIDTH_M, lineHeight: BODY_LINE_HEIGHT }),
    ],
    [title, body],
  )
  const height = Math.max(MIN_HEIGHT_M, TOP_M + titleHeight + TITLE_GAP_M + bodyHeight + BOTTOM_M)
  const titleTop = height / 2 - TOP_M
  const bodyTop = titleTop - titleHeight - TITLE_GAP_M
  const [playing, setPlaying] = useState(false)
  const [audio] = useState(() => (hotspot.audio ? new Audio(`/${hotspot.audio.src}`) : null))
  useEffect(() => {
    if (!audio) return
    const stop = () => setPlaying(false)
    audio.addEventListener('ended', stop)
    return () => {
      audio.removeEventListener('ended', stop)
      audio.pause()
    }
  }, [audio])
  const toggle = () => {
    if (!audio) return
    if (playing) {
      audio.pause()
      setPlaying(false)
    } else {
      void audio.play().then(
        () => setPlaying(true),
        () => setPlaying(false),
      )
    }
  }
  return (
    <Panel name={`panel:${hotspot.id}`} width={WIDTH_M} height={height}>
      <Label
        size={TEXT_TITLE_M}
        position={[0, titleTop, 0]}
        anchorY="top"
        maxWidth={TEXT_WIDTH_M}
        lineHeight={TITLE_LINE_HEIGHT}
        textAlign="center"
        color="#b0121b"
      >
        {title}
      </Label>
      <Label
        size={TEXT_BODY_M}
        position={[0, bodyTop, 0]}
        anchorY="top"
        maxWidth={TEXT_WIDTH_M}
        lineHeight={BODY_LINE_HEIGHT}
        textAlign="left"
      >
        {body}
      </Label>
      {audio && hotspot.audio && (
        <Button3D
          id="narration-audio"
          label={playing ? xrStrings.stopNarration : xrStrings.playNarration}
          onPress={toggle}
          position={[-0.22, -height / 2 + 0.08, 0]}
        />
      )}
      <Button3D
        id="close-panel"
        label={xrStrings.close}
        onPress={onClose}
        position={[0.3, -height / 2 + 0.08, 0]}
      />
    </Panel>
  )
}
