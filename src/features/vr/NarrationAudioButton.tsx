import { useEffect, useState } from 'react'
import type { NarrationAudio } from '../../domain/scenes/schema.ts'
import { Localized } from '../../i18n/i18n.tsx'
import { useVrStrings } from './strings.ts'

/** Plays a hotspot's recorded narration (a file under public/xr/), with its credit. */
export function NarrationAudioButton({ audio }: { audio: NarrationAudio }) {
  const t = useVrStrings()
  const [element] = useState(() => new Audio(`/${audio.src}`))
  const [playing, setPlaying] = useState(false)
  useEffect(() => {
    const stop = () => setPlaying(false)
    element.addEventListener('ended', stop)
    return () => {
      element.removeEventListener('ended', stop)
      element.pause()
    }
  }, [element])
  const toggle = () => {
    if (playing) {
      element.pause()
      setPlaying(false)
    } else void element.play().then(() => setPlaying(true), stopOnError(setPlaying))
  }
  return (
    <p>
      <button type="button" onClick={toggle} aria-pressed={playing}>
        {playing ? t.stopNarration : t.playNarration}
      </button>{' '}
      <span className="meta">
        <Localized text={audio.credit} />
      </span>
    </p>
  )
}

const stopOnError = (set: (v: boolean) => void) => () => set(false)
