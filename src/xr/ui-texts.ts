import { xrGuidedTables } from './guided-strings.ts'
import { xrQuizTables } from './quiz-strings.ts'
import { xrUiTables } from './ui-strings.ts'

/**
 * Every 3D UI text, in both languages, with numbers filled by digits (ASCII, always covered) and
 * names by a placeholder: what the subset 3D font must draw (scenes/font-characters.ts).
 */
export function xrUiTexts(): string[] {
  return [...xrUiTables, ...xrQuizTables, ...xrGuidedTables].flatMap((table) =>
    Object.values(table).map((v) => (typeof v === 'function' ? (v as (...a: number[]) => string)(1, 2) : v)),
  )
}
