import { describe, expect, it } from 'vitest'
import { formatContentIssue } from '../content/errors.ts'
import { directionFromYawPitch, equirectUv, rotationYForYaw, wrapDeg } from './angles.ts'
import { splitOathLines } from './oath.ts'
import { validateSceneFile } from './validate.ts'

const OATH =
  '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。'

describe('the oath split into lines', () => {
  it('has twelve lines, split at the commas, the full stop kept on the last', () => {
    const lines = splitOathLines(OATH)
    expect(lines).toHaveLength(12)
    expect(lines[0]).toBe('我志愿加入中国共产党')
    expect(lines[11]).toBe('永不叛党。')
    expect(lines.join('，')).toBe(OATH)
  })

  it('is the eighty characters of Article 6', () => {
    expect(splitOathLines(OATH).join('').replace(/[。]/g, '')).toHaveLength(80)
  })
})

describe('yaw and pitch', () => {
  it('yaw 0 is straight ahead (−z), yaw 90 to the right (+x), pitch 90 straight up', () => {
    const close = (v: number[], w: number[]) => {
      for (const [i, x] of v.entries()) expect(x).toBeCloseTo(w[i] ?? Number.NaN)
    }
    close(directionFromYawPitch(0, 0), [0, 0, -1])
    close(directionFromYawPitch(90, 0), [1, 0, 0])
    close(directionFromYawPitch(0, 90), [0, 1, 0])
  })

  it('a three.js rotation for a yaw turns −z toward that yaw', () => {
    const a = rotationYForYaw(90)
    // Rotating (0, 0, −1) by a about +y: x' = −sin a, z' = −cos a.
    expect(-Math.sin(a)).toBeCloseTo(1)
    expect(-Math.cos(a)).toBeCloseTo(0)
  })

  it('maps the image centre to straight ahead and wraps yaw', () => {
    expect(equirectUv(0, 0)).toEqual([0.5, 0.5])
    expect(equirectUv(90, 45)).toEqual([0.75, 0.25])
    expect(equirectUv(-180, -90)[1]).toBe(1)
    expect(wrapDeg(190)).toBe(-170)
    expect(wrapDeg(-180)).toBe(180)
  })
})

const base = {
  id: 'demo',
  kind: 'model',
  title: { zh: '示例' },
  summary: { zh: '示例场景' },
  lesson: 'zaoyuan-lesson',
  site: 'zaoyuan',
  fidelityNote: { zh: '示意' },
  spawn: { position: [0, 0, 0], yawDeg: 0 },
  hotspots: [{ id: 'a', title: { zh: '甲' }, body: { zh: '正文' }, position: [0, 1, -2] }],
}
const refs = { lessonSites: new Map([['zaoyuan-lesson', 'zaoyuan']]), assetExists: () => true }
const messages = (data: unknown, folder = 'demo', r = refs) =>
  validateSceneFile('scenes/demo/scene.yaml', folder, data, r).issues.map(formatContentIssue)

describe('scene files', () => {
  it('accepts a valid scene', () => {
    expect(messages(base)).toEqual([])
  })

  it('reports the file, the field path, the value and the rule', () => {
    const bad = { ...base, hotspots: [{ ...base.hotspots[0], position: [0, 1, 1500] }] }
    expect(messages(bad)).toEqual([
      'scenes/demo/scene.yaml: hotspots[0].position[2]: 1500 is more than 500 m from the origin',
    ])
  })

  it('checks the lesson against the content pack, and its site', () => {
    expect(messages({ ...base, lesson: 'no-such-lesson' })).toEqual([
      'scenes/demo/scene.yaml: lesson: "no-such-lesson" names no lesson in routes-data/lessons',
    ])
    expect(messages({ ...base, site: 'yangjialing' })).toEqual([
      'scenes/demo/scene.yaml: site: "yangjialing" is not the site of lesson zaoyuan-lesson (zaoyuan)',
    ])
  })

  it('needs a lesson or a standalone completion, not both', () => {
    const { lesson: _l, site: _s, ...none } = base
    expect(messages(none)).toEqual([
      'scenes/demo/scene.yaml: lesson: is missing: a scene needs a lesson or a standaloneCompletion',
    ])
    const both = { ...base, standaloneCompletion: { lessonId: 'x', siteId: 'y' } }
    expect(messages(both)[0]).toContain('standaloneCompletion')
  })

  it('refuses a panorama wider than 4096 px, not 2:1, or missing its file', () => {
    const pano = {
      ...base,
      kind: 'panorama',
      panorama: {
        src: 'xr/panoramas/p.jpg',
        widthPx: 8192,
        heightPx: 4096,
        credit: { zh: '作者' },
        generated: false,
      },
      hotspots: [{ id: 'a', title: { zh: '甲' }, body: { zh: '正文' }, yawDeg: 10, pitchDeg: 0 }],
    }
    expect(messages(pano).join('\n')).toContain('panorama.widthPx: 8192 is wider than 4096 px')
    const narrow = { ...pano, panorama: { ...pano.panorama, widthPx: 4096, heightPx: 1024 } }
    expect(messages(narrow)).toEqual([
      'scenes/demo/scene.yaml: panorama.heightPx: 1024 is not half the width (an equirectangular image is 2:1)',
    ])
    const ok = { ...pano, panorama: { ...pano.panorama, widthPx: 4096, heightPx: 2048 } }
    expect(messages(ok, 'demo', { ...refs, assetExists: () => false })).toEqual([
      'scenes/demo/scene.yaml: panorama.src: "xr/panoramas/p.jpg" is not a file under public/',
    ])
  })

  it('accepts narration audio only as a file under public/xr/ that exists', () => {
    const withAudio = (src: string) => ({
      ...base,
      hotspots: [{ ...base.hotspots[0], audio: { src, credit: { zh: '讲解员' } } }],
    })
    expect(messages(withAudio('xr/audio/a.mp3'))).toEqual([])
    expect(messages(withAudio('https://cdn.example/a.mp3'))[0]).toContain('is not a path under public/xr/')
    expect(messages(withAudio('xr/audio/a.mp3'), 'demo', { ...refs, assetExists: () => false })[0]).toContain(
      'hotspots[0].audio.src',
    )
  })

  it('refuses a folder name that is not the id, and duplicate hotspot ids', () => {
    expect(messages(base, 'other')).toEqual([
      'scenes/demo/scene.yaml: id: "demo" does not match the folder name (other)',
    ])
    const dup = { ...base, hotspots: [base.hotspots[0], base.hotspots[0]] }
    expect(messages(dup)).toEqual(['scenes/demo/scene.yaml: hotspots[1].id: "a" is a duplicate hotspot id'])
  })
})
