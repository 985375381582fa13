import type { LocalizedText, Quiz } from '../content/schema.ts'
import { splitOathLines } from './oath.ts'
import type { SceneFile } from './schema.ts'

/**
 * Every string a scene draws in 3D, in Chinese and (where the content has it) English: its own
 * texts, the oath, and the quiz of its lesson. The 3D text font is subset to exactly these
 * characters (scripts/xr-font.ts), and a test checks the shipped font still covers them: a
 * missing glyph would be drawn in whatever fallback font the headset has, or as an empty box
 * where it has none. The oath is drawn in Chinese only: it is taken in Chinese.
 */
export function sceneTexts(scene: SceneFile, quiz?: Quiz): string[] {
  const out: string[] = []
  const both = (t: LocalizedText) => {
    out.push(t.zh)
    if (t.en) out.push(t.en)
  }
  both(scene.title)
  both(scene.summary)
  both(scene.fidelityNote)
  for (const h of scene.hotspots) {
    both(h.title)
    both(h.body)
    if (h.audio) both(h.audio.credit)
  }
  if (scene.kind === 'panorama') both(scene.panorama.credit)
  if (scene.ceremony) {
    out.push(...splitOathLines(scene.ceremony.text.zh))
    both(scene.ceremony.source)
  }
  if (quiz)
    for (const q of quiz.questions) {
      both(q.prompt)
      both(q.explanation)
      if (q.kind !== 'truefalse') for (const c of q.choices) both(c.text)
    }
  return out
}

/** The distinct characters of some texts, sorted by code point, whitespace left out. */
export function distinctCharacters(texts: readonly string[]): string {
  const set = new Set<string>()
  for (const t of texts) for (const ch of t) if (!/\s/.test(ch)) set.add(ch)
  return [...set].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('')
}
