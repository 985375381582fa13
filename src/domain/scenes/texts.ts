import type { Quiz } from '../content/schema.ts'
import { splitOathLines } from './oath.ts'
import type { SceneFile } from './schema.ts'

/**
 * Every Chinese string a scene draws in 3D: its own texts, the oath, and the quiz of its lesson.
 * The 3D text font is subset to exactly these characters (scripts/xr-font.ts), and a test checks
 * the shipped font still covers them: a missing glyph would be drawn in whatever fallback font
 * the headset has, or as an empty box where it has none.
 */
export function sceneTexts(scene: SceneFile, quiz?: Quiz): string[] {
  const out = [scene.title.zh, scene.summary.zh, scene.fidelityNote.zh]
  for (const h of scene.hotspots) {
    out.push(h.title.zh, h.body.zh)
    if (h.audio) out.push(h.audio.credit.zh)
  }
  if (scene.kind === 'panorama') out.push(scene.panorama.credit.zh)
  if (scene.ceremony) out.push(...splitOathLines(scene.ceremony.text.zh), scene.ceremony.source.zh)
  if (quiz)
    for (const q of quiz.questions) {
      out.push(q.prompt.zh, q.explanation.zh)
      if (q.kind !== 'truefalse') for (const c of q.choices) out.push(c.text.zh)
    }
  return out
}

/** The distinct characters of some texts, sorted by code point, whitespace left out. */
export function distinctCharacters(texts: readonly string[]): string {
  const set = new Set<string>()
  for (const t of texts) for (const ch of t) if (!/\s/.test(ch)) set.add(ch)
  return [...set].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('')
}
