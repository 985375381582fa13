import { type PixelRect, visibleRect } from '../../domain/scenes/panorama-view.ts'
import type { PanoramaView } from './first-frame.ts'
import { panoramaFile } from './panorama-file.ts'

/**
 * The part of a panorama the first frame uploads (panorama-view.ts): decoded off the main
 * thread from the file (createImageBitmap of a Blob), then cropped. Uploading only this part, at
 * full resolution, is what makes the first frame cheap: decoding and uploading a whole 4096 ×
 * 2048 image on the main thread is most of a viewer's time to first frame on a slow phone.
 */
export interface PanoramaPart {
  readonly bitmap: ImageBitmap
  /** Where the part lies in the whole image, pixels. */
  readonly rect: PixelRect
  readonly image: { readonly widthPx: number; readonly heightPx: number }
}

/**
 * The part spans yaw ± 90°: a flat view of any shape sees less than that to either side, so the
 * frame can move from the full screen into the stage, or follow a turned phone, without a new
 * upload. Its rows are those of ±fov/2, which no shape changes. About a fifth of the image.
 */
const HALF_WIDTH_DEG = 90

/** Decodes the panorama at `src` and keeps what a view of any shape at this heading shows. */
export async function decodePanoramaPart(src: string, view: PanoramaView): Promise<PanoramaPart> {
  const whole = await createImageBitmap(await panoramaFile(src))
  try {
    const image = { widthPx: whole.width, heightPx: whole.height }
    const rect = visibleRect(image, { ...view, aspect: 1 }, { minHalfWidthDeg: HALF_WIDTH_DEG })
    const bitmap = await createImageBitmap(whole, rect.x, rect.y, rect.width, rect.height)
    return { bitmap, rect, image }
  } finally {
    whole.close()
  }
}
