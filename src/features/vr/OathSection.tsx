import { useCallback, useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useLocalizedString, usePreferences } from '../../i18n/i18n.tsx'
import type { SceneStore } from '../../xr/scene-store.ts'
import { useOathStrings } from './oath-strings.ts'
import { useVrStrings } from './strings.ts'

/**
 * The oath in the page: the lines shown so far, as text that 大字, zoom and a screen reader reach
 * (on the 3D board they are a few pixels tall on a screen), each new line announced politely;
 * and the member's own control, "下一句" then "宣誓完毕", when no trainer leads.
 *
 * The control is one button whose step changes, so keyboard focus stays on it from the first
 * line to the last (two buttons swapped dropped focus to the top of the page). Once the oath is
 * saved it goes; if it had focus, focus moves to this section's heading rather than the page top.
 */
export default function OathSection({ store }: { store: SceneStore }) {
  const t = useVrStrings()
  const o = useOathStrings()
  const text = useLocalizedString()
  const lang = usePreferences().prefs.lang
  const ceremony = useStore(store, (s) => s.scene.ceremony)
  const lines = useStore(store, (s) => s.oathLines)
  const oath = useStore(store, (s) => s.guided.oath)
  const trainerLeads = useStore(store, (s) => s.guided.trainerLeads)
  const oathSave = useStore(store, (s) => s.oathSave)
  const { nextOathLine, finishOath } = useStore(store, (s) => s.actions)
  const heading = useRef<HTMLHeadingElement>(null)
  const focusLost = useRef(false)
  // Runs as the button leaves the page, while it still holds focus (React 19 ref cleanup).
  const control = useCallback((button: HTMLButtonElement | null) => {
    return () => {
      if (button && document.activeElement === button) focusLost.current = true
    }
  }, [])
  const step = oath.phase !== 'read' ? (trainerLeads ? null : 'next') : oathSave === 'saved' ? null : 'done'
  useEffect(() => {
    if (step !== null || !focusLost.current) return
    focusLost.current = false
    heading.current?.focus()
  }, [step])
  if (!ceremony) return null
  const saving = oathSave === 'saving'
  return (
    <section className="vr-oath" aria-labelledby="vr-oath-title">
      <h2 id="vr-oath-title" ref={heading} tabIndex={-1}>
        {o.title}
      </h2>
      {lang === 'en' && !ceremony.text.en && <p className="hint">{o.chineseOnly}</p>}
      {oath.shown === 0 && <p className="hint">{o.willAppear}</p>}
      <ol className="vr-oath-lines" lang="zh-CN" aria-live="polite" data-testid="vr-oath-lines">
        {lines.slice(0, oath.shown).map((line, i) => (
          // The lines never reorder: their index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>{i < lines.length - 1 ? `${line}，` : line}</li>
        ))}
      </ol>
      {ceremony.source && <p className="meta">{text(ceremony.source)}</p>}
      {step && (
        <button
          ref={control}
          type="button"
          className={step === 'done' ? 'primary' : undefined}
          // Not `disabled`: a disabled button drops the keyboard focus while the record saves.
          aria-disabled={saving || undefined}
          onClick={step === 'next' ? nextOathLine : () => void finishOath()}
        >
          {step === 'next' ? t.oathNext : t.oathDone}
        </button>
      )}
    </section>
  )
}
