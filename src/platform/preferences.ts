/** Display preferences, remembered on this device (localStorage: small, synchronous, not member data). */

export type Lang = 'zh-CN' | 'en'

export interface Preferences {
  readonly lang: Lang
  readonly largeText: boolean
  readonly highContrast: boolean
}

const KEY = 'hongtu.preferences.v1'
export const DEFAULT_PREFERENCES: Preferences = { lang: 'zh-CN', largeText: false, highContrast: false }

export function loadPreferences(): Preferences {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Preferences> | null
    return {
      lang: raw?.lang === 'en' ? 'en' : 'zh-CN',
      largeText: raw?.largeText === true,
      highContrast: raw?.highContrast === true,
    }
  } catch {
    return DEFAULT_PREFERENCES
  }
}

export function savePreferences(p: Preferences): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p))
  } catch {
    // Storage full or disabled: the choice lasts for this visit only, which is acceptable.
  }
}

/** Applies preferences to the document root: language for screen readers and fonts, and CSS switches. */
export function applyPreferences(p: Preferences, root: HTMLElement = document.documentElement): void {
  root.lang = p.lang
  root.classList.toggle('large-text', p.largeText)
  root.classList.toggle('high-contrast', p.highContrast)
}
