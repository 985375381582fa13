import { useStore } from 'zustand'
import { Localized } from '../../i18n/i18n.tsx'
import type { SceneStore } from '../../xr/scene-store.ts'
import { NarrationAudioButton } from './NarrationAudioButton.tsx'
import { useVrStrings } from './strings.ts'

/**
 * Every hotspot as a plain button outside the canvas, so each is reachable without pointing
 * precision, by keyboard and by screen reader; the open one's narration is shown here too.
 */
export function HotspotList({ store }: { store: SceneStore }) {
  const t = useVrStrings()
  const scene = useStore(store, (s) => s.scene)
  const selected = useStore(store, (s) => s.selected)
  const visited = useStore(store, (s) => s.visited)
  const { open, close } = useStore(store, (s) => s.actions)
  const hotspot = scene.hotspots.find((h) => h.id === selected)
  return (
    <section aria-labelledby="vr-hotspots" className="vr-hotspots">
      <h2 id="vr-hotspots">{t.hotspots}</h2>
      <p className="hint">{t.hotspotsHint}</p>
      <ol>
        {scene.hotspots.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              aria-pressed={selected === h.id}
              onClick={() => open(h.id)}
              data-hotspot={h.id}
            >
              <Localized text={h.title} />
            </button>
            {visited.includes(h.id) && <span className="meta"> ✓ {t.visited}</span>}
          </li>
        ))}
      </ol>
      <div aria-live="polite" data-testid="vr-narration">
        {hotspot && (
          <article className="card">
            <h3>
              <Localized text={hotspot.title} />
            </h3>
            <p>
              <Localized text={hotspot.body} />
            </p>
            {hotspot.audio && <NarrationAudioButton key={hotspot.id} audio={hotspot.audio} />}
            <button type="button" onClick={close}>
              {t.closeNarration}
            </button>
          </article>
        )}
      </div>
    </section>
  )
}
