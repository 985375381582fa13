import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { parse } from 'yaml'

/**
 * What a panorama's first frame should show, computed here from the scene's JPEG and its spawn
 * heading (not from the app's code), and what a canvas on the page does show: the early-frame
 * tests compare the two at a grid of points. The ray through a pixel is the pinhole camera's,
 * the image lookup bilinear, as a GPU's LINEAR filter does it.
 */
const SCENE = 'panorama-sample'
const scene = parse(readFileSync(join('scenes', SCENE, 'scene.yaml'), 'utf8')) as {
  panorama: { src: string }
  spawn: { yawDeg: number }
}
const image = jpeg.decode(readFileSync(join('public', scene.panorama.src)), { useTArray: true })

export const PANORAMA_SCENE = SCENE
export const SPAWN_YAW_DEG = scene.spawn.yawDeg
/** The stage camera's vertical field of view (XrStage), which the first frame must match. */
export const STAGE_FOV_DEG = 70

type Rgb = [number, number, number]
export interface View {
  readonly yawDeg: number
  readonly fovDeg: number
}

function texel(x: number, y: number): Rgb {
  const cx = Math.min(image.width - 1, Math.max(0, x))
  const cy = Math.min(image.height - 1, Math.max(0, y))
  const i = (cy * image.width + cx) * 4
  return [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0]
}

/** Bilinear lookup at texture coordinates (u, v), v = 0 at the top row. */
function lookup(u: number, v: number): Rgb {
  const x = u * image.width - 0.5
  const y = v * image.height - 0.5
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const fx = x - x0
  const fy = y - y0
  const [a, b, c, d] = [texel(x0, y0), texel(x0 + 1, y0), texel(x0, y0 + 1), texel(x0 + 1, y0 + 1)]
  return [0, 1, 2].map((k) => {
    const top = (a[k] ?? 0) * (1 - fx) + (b[k] ?? 0) * fx
    const bottom = (c[k] ?? 0) * (1 - fx) + (d[k] ?? 0) * fx
    return top * (1 - fy) + bottom * fy
  }) as Rgb
}

/** The colour at canvas pixel (px, py) of a width × height view of the panorama. */
export function expectedColor(view: View, width: number, height: number, px: number, py: number): Rgb {
  const t = Math.tan(((view.fovDeg / 2) * Math.PI) / 180)
  const x = (((px + 0.5) / width) * 2 - 1) * t * (width / height)
  const y = (1 - ((py + 0.5) / height) * 2) * t
  const lon = Math.atan2(x, 1) + (view.yawDeg * Math.PI) / 180
  const lat = Math.atan2(y, Math.hypot(x, 1))
  const u = (((lon / (2 * Math.PI) + 0.5) % 1) + 1) % 1
  return lookup(u, 0.5 - lat / Math.PI)
}

/** A grid of canvas pixels, away from the edges. */
export function gridPoints(width: number, height: number, columns = 9, rows = 13): [number, number][] {
  const points: [number, number][] = []
  for (let i = 0; i < columns; i++)
    for (let j = 0; j < rows; j++)
      points.push([Math.floor(((i + 0.5) / columns) * width), Math.floor(((j + 0.5) / rows) * height)])
  return points
}

/** The canvas's drawing-buffer size and its colours at `points` (the canvas keeps its buffer). */
export async function canvasPixels(canvas: Locator, columns?: number, rows?: number) {
  return canvas.evaluate(
    (c: HTMLCanvasElement, [cols, rws]) => {
      const copy = document.createElement('canvas')
      copy.width = c.width
      copy.height = c.height
      const g = copy.getContext('2d')
      if (!g) throw new Error('no 2D context')
      g.drawImage(c, 0, 0)
      const pts: [number, number][] = []
      for (let i = 0; i < cols; i++)
        for (let j = 0; j < rws; j++)
          pts.push([Math.floor(((i + 0.5) / cols) * c.width), Math.floor(((j + 0.5) / rws) * c.height)])
      const colours = pts.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)))
      return { width: c.width, height: c.height, colours }
    },
    [columns ?? 9, rows ?? 13] as const,
  )
}

/** Mean absolute difference per channel (0–255) between what a canvas shows and `view`. */
export function differenceFrom(
  shown: { width: number; height: number; colours: number[][] },
  view: View,
): number {
  const points = gridPoints(shown.width, shown.height)
  let sum = 0
  for (const [n, [x, y]] of points.entries()) {
    const want = expectedColor(view, shown.width, shown.height, x, y)
    const got = shown.colours[n] ?? [0, 0, 0]
    sum += want.reduce((s, w, k) => s + Math.abs(w - (got[k] ?? 0)), 0) / 3
  }
  return sum / points.length
}

/**
 * The same grid of colours read from a screenshot of an element (at a device pixel ratio of 1):
 * for a canvas that does not keep its drawing buffer, such as the 3D stage's.
 */
export async function screenshotPixels(element: Locator, columns = 9, rows = 13) {
  const png = PNG.sync.read(await element.screenshot())
  const colours = gridPoints(png.width, png.height, columns, rows).map(([x, y]) => {
    const i = (y * png.width + x) * 4
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
  })
  return { width: png.width, height: png.height, colours }
}
