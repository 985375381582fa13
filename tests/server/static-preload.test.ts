import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PANORAMA_PRELOADS_FILE } from '../../scenes/panorama-preloads.ts'
import { createApp } from '../../server/app.ts'

/**
 * A panorama scene's page starts its image with the page: the server names it in a preload Link
 * header, read from the build's list (scenes/vite-plugin.ts), so that the download does not wait
 * for the app's scripts. Every other page, and a build without the list, has no such header.
 */
const dist = mkdtempSync(join(tmpdir(), 'hongtu-static-'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>红途</title>')
mkdirSync(join(dist, 'xr', 'panoramas'), { recursive: true })
writeFileSync(
  join(dist, PANORAMA_PRELOADS_FILE),
  JSON.stringify({ 'panorama-sample': '/xr/panoramas/panorama-sample.jpg' }),
)
const bare = mkdtempSync(join(tmpdir(), 'hongtu-static-bare-'))
writeFileSync(join(bare, 'index.html'), '<!doctype html><title>红途</title>')
afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
  rmSync(bare, { recursive: true, force: true })
})

const page = (distDir: string, path: string) =>
  createApp({ distDir }).request(path, { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } })

describe('the panorama preload header', () => {
  it('names the scene’s image on its page, with the app itself', async () => {
    const res = await page(dist, '/vr/panorama-sample')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>红途</title>')
    expect(res.headers.get('link')).toBe(
      '</xr/panoramas/panorama-sample.jpg>; rel=preload; as=fetch; crossorigin; fetchpriority=high',
    )
  })

  it('is absent on other pages, model scenes and unknown scenes', async () => {
    for (const path of ['/', '/vr', '/vr/oath-hall', '/vr/nope', '/sites/zaoyuan'])
      expect((await page(dist, path)).headers.get('link'), path).toBeNull()
  })

  it('is absent when the build lists no panoramas', async () => {
    const res = await page(bare, '/vr/panorama-sample')
    expect(res.status).toBe(200)
    expect(res.headers.get('link')).toBeNull()
  })
})
