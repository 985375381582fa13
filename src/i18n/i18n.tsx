import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import type { LocalizedText } from '../domain/content/schema.ts'
import {
  applyPreferences,
  loadPreferences,
  type Preferences,
  savePreferences,
} from '../platform/preferences.ts'
import { en, type Strings, zhCN } from './strings.ts'

interface PreferencesContextValue {
  readonly prefs: Preferences
  readonly t: Strings
  readonly update: (patch: Partial<Preferences>) => void
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null)

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState(() => {
    const p = loadPreferences()
    applyPreferences(p)
    return p
  })
  const update = useCallback((patch: Partial<Preferences>) => {
    setPrefs((old) => {
      const next = { ...old, ...patch }
      savePreferences(next)
      applyPreferences(next)
      return next
    })
  }, [])
  const value = useMemo(() => ({ prefs, t: prefs.lang === 'en' ? en : zhCN, update }), [prefs, update])
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>
}

export function usePreferences(): PreferencesContextValue {
  const ctx = useContext(PreferencesContext)
  if (!ctx) throw new Error('usePreferences outside PreferencesProvider')
  return ctx
}

export function useStrings(): Strings {
  return usePreferences().t
}

/** Picks the text for the current language; English falls back to Chinese when a field has none. */
export function useLocalized(): (text: LocalizedText) => { text: string; lang: 'zh-CN' | 'en' } {
  const { prefs } = usePreferences()
  return useCallback(
    (text: LocalizedText) =>
      prefs.lang === 'en' && text.en ? { text: text.en, lang: 'en' } : { text: text.zh, lang: 'zh-CN' },
    [prefs.lang],
  )
}

/** Renders a content text, marking its language when it differs from the page's (a fallback). */
export function Localized({ text }: { text: LocalizedText }) {
  const pick = useLocalized()
  const { prefs } = usePreferences()
  const chosen = pick(text)
  return chosen.lang === prefs.lang ? chosen.text : <span lang={chosen.lang}>{chosen.text}</span>
}

export function useLocalizedString(): (text: LocalizedText) => string {
  const pick = useLocalized()
  return useCallback((text: LocalizedText) => pick(text).text, [pick])
}

export type { ReactNode }
