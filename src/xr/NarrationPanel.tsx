import { useEffect, useState } from 'react'
import type { SceneHotspot } from '../domain/scenes/schema.ts'
import { Button3D } from './Button3D.tsx'
import { TEXT_BODY_M, TEXT_TITLE_M } from './comfort.ts'
import { Label } from './Label.tsx'
import { Panel } from './Panel.tsx'
import { xrStrings } from './ui-strings.ts'

const WIDTH_M = 1.1
const HEIGHT_M = 0.78

/**
 * The open hotspot's narration: title, text (also the transcript when there is audio), and a
 * play button when the hotspot has a recording. Audio plays through an ordinary <audio>
 * element, which headset browsers play during an immersive session too.
 */
export function NarrationPanel({ hotspot, onClose }: { hotspot: SceneHotspot; onClose: () => void }) {
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
    <Panel name={`panel:${hotspot.id}`} width={WIDTH_M} height={HEIGHT_M}>
      <Label size={TEXT_TITLE_M} position={[0, HEIGHT_M / 2 - 0.08, 0]} color="#b0121b">
        {hotspot.title.zh}
      </Label>
      <Label
        size={TEXT_BODY_M}
        position={[0, 0.02, 0]}
        maxWidth={WIDTH_M - 0.12}
        lineHeight={1.45}
        textAlign="left"
      >
        {hotspot.body.zh}
      </Label>
      {audio && hotspot.audio && (
        <Button3D
          id="narration-audio"
          label={playing ? xrStrings.stopNarration : xrStrings.playNarration}
          onPress={toggle}
          position={[-0.22, -HEIGHT_M / 2 + 0.08, 0]}
        />
      )}
      <Button3D
        id="close-panel"
        label={xrStrings.close}
        onPress={onClose}
        position={[0.3, -HEIGHT_M / 2 + 0.08, 0]}
      />
    </Panel>
  )
}
