import { describe, expect, it } from 'vitest'
import { panoramaPreloadLink, scenePathId } from './panorama-preloads.ts'

const preloads = { 'panorama-sample': '/xr/panoramas/panorama-sample.jpg' }

describe('panorama preload links', () => {
  it('names the image of a panorama scene page, with or without a trailing slash', () => {
    const link = '</xr/panoramas/panorama-sample.jpg>; rel=preload; as=fetch; crossorigin; fetchpriority=high'
    expect(panoramaPreloadLink(preloads, '/vr/panorama-sample')).toBe(link)
    expect(panoramaPreloadLink(preloads, '/vr/panorama-sample/')).toBe(link)
  })

  it('names nothing for other pages, model scenes and inherited keys', () => {
    for (const path of [
      '/',
      '/vr',
      '/vr/oath-hall',
      '/sites/panorama-sample',
      '/vr/panorama-sample/x',
      '/vr/constructor',
    ])
      expect(panoramaPreloadLink(preloads, path), path).toBeUndefined()
  })

  it('reads a kebab-case scene id from a scene page path', () => {
    expect(scenePathId('/vr/yanan-yaodong')).toBe('yanan-yaodong')
    expect(scenePathId('/vr/Yanan')).toBeUndefined()
  })
})
