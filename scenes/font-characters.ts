import { loadContent } from '../build/content-loader.ts'
import { distinctCharacters, sceneTexts } from '../src/domain/scenes/texts.ts'
import { xrUiTexts } from '../src/xr/ui-texts.ts'
import { loadScenes } from './load-scenes.ts'

/** Printable ASCII (U+0020..U+007E): digits, Latin letters and punctuation, always in the font. */
export const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')

/** Every character the 3D font must have: scene texts, linked quizzes, 3D UI strings, ASCII. */
export function xrFontCharacters(projectRoot: string): string {
  const { scenes, issues } = loadScenes(projectRoot)
  if (issues.length > 0) throw new Error(`scenes have problems: run the unit tests (${issues.length})`)
  const lessons = new Map((loadContent(projectRoot).pack?.lessons ?? []).map((l) => [l.id as string, l]))
  const texts = scenes.flatMap((s) => sceneTexts(s, s.lesson ? lessons.get(s.lesson)?.quiz : undefined))
  return distinctCharacters([PRINTABLE_ASCII, ...texts, ...xrUiTexts()])
}
