import { LinearFilter, SRGBColorSpace, Texture } from 'three'
import { panoramaFile } from './panorama-file.ts'
import { forgetOnNewStage } from './stage-attempt.ts'

const textures = new Map<string, Promise<Texture>>()

/**
 * A panorama's texture for the 3D stage, made from the same downloaded file as the first frame
 * (panorama-file.ts): one download per page, where a TextureLoader would fetch the image again
 * as an <img> (a second request the preloaded fetch cannot answer: 0.3–0.7 MB more on a
 * headset's Wi-Fi). The image element is decoded before it is handed over, so the first render
 * only uploads it. Kept for the page's life, as a loader's cache would be: returning to a scene
 * shows it at once.
 */
export function panoramaTexture(src: string): Promise<Texture> {
  let texture = textures.get(src)
  if (!texture) {
    texture = panoramaFile(src).then(async (file) => {
      const url = URL.createObjectURL(file)
      try {
        const image = new Image()
        image.src = url
        await image.decode()
        const t = new Texture(image)
        t.colorSpace = SRGBColorSpace
        // A 4096-px panorama with mipmaps would take a third more memory for little gain up close.
        t.generateMipmaps = false
        t.minFilter = LinearFilter
        t.needsUpdate = true
        return t
      } finally {
        URL.revokeObjectURL(url)
      }
    })
    textures.set(src, texture)
    // A failed load stays failed for this stage, so that `use()` throws it to the stage's error
    // boundary (VrScreen.tsx): dropped at once, each render asked again and suspended again, a
    // fetch loop that kept "Loading the scene…" up for ever. The next stage tries again.
    texture.catch(() => failed.add(src))
  }
  return texture
}

const failed = new Set<string>()
forgetOnNewStage(() => {
  for (const src of failed) textures.delete(src)
  failed.clear()
})
