import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fontverter from 'fontverter'
import * as hb from 'harfbuzzjs'
import { describe, expect, it } from 'vitest'
import { formatContentIssue } from '../src/domain/content/errors.ts'
import { SCENE_IDS } from '../tests/e2e/vr-driver-ids.ts'
import { xrFontCharacters } from './font-characters.ts'
import { loadScenes } from './load-scenes.ts'

const root = join(import.meta.dirname, '..')

describe('the scenes under scenes/', () => {
  it('are all valid, and every lesson they name is in routes-data at the right site', () => {
    const { scenes, issues } = loadScenes(root)
    expect(issues.map(formatContentIssue)).toEqual([])
    expect(scenes.map((s) => s.id).sort()).toEqual([...SCENE_IDS].sort())
  })

  it('include the oath hall, recorded as lesson oath-renewal at vr-center', () => {
    const oath = loadScenes(root).scenes.find((s) => s.id === 'oath-hall')
    expect(oath?.standaloneCompletion).toEqual({ lessonId: 'oath-renewal', siteId: 'vr-center' })
    expect(oath?.ceremony?.text.zh.startsWith('我志愿加入中国共产党')).toBe(true)
  })

  it('say plainly that the sample panorama is generated, not a photograph', () => {
    const pano = loadScenes(root).scenes.find((s) => s.kind === 'panorama')
    expect(pano?.kind === 'panorama' && pano.panorama.generated).toBe(true)
    expect(pano?.fidelityNote.zh).toContain('不是照片')
  })
})

describe('the shipped 3D font (public/xr/fonts/hongtu-xr.woff)', () => {
  it('has a glyph for every character of every scene, the oath, the linked quizzes and the 3D UI', async () => {
    const woff = readFileSync(join(root, 'public/xr/fonts/hongtu-xr.woff'))
    const face = new hb.Face(new hb.Blob(await fontverter.convert(woff, 'truetype')))
    const covered = new Set(face.collectUnicodes())
    const missing = [...xrFontCharacters(root)].filter((ch) => !covered.has(ch.codePointAt(0) ?? 0))
    // If this fails after a text change: npm run xr:font
    expect(missing.join('')).toBe('')
  })
})
