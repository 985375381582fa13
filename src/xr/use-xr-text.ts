import type { LocalizedText } from '../domain/content/schema.ts'
import { useLocalizedString, usePreferences } from '../i18n/i18n.tsx'
import { type XrStrings, xrStringsFor } from './ui-strings.ts'

/**
 * The 3D UI texts and a picker for content texts, in the language the member chose for the app
 * (a content text with no English is drawn in Chinese). The app's context reaches inside the
 * 3D canvas: @react-three/fiber bridges it.
 */
export function useXrText(): { readonly s: XrStrings; readonly text: (t: LocalizedText) => string } {
  const { prefs } = usePreferences()
  return { s: xrStringsFor(prefs.lang), text: useLocalizedString() }
}
