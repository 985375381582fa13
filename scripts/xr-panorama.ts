/**
 * `npm run xr:panorama`: generates the sample panorama of scenes/panorama-sample, a 4096 × 2048
 * equirectangular JPEG computed pixel by pixel (no photo, no font, no network) and encoded with
 * jpeg-js. It is an honest illustration: a loess ridge, a hill with an eight-sided, nine-storey
 * pagoda (yaw 0°), a bell beside it (yaw ≈ 9°) and two rivers meeting below (yaw ≈ 60°, pitch
 * ≈ −12°), where the scene's hotspots point. The pixel ↔ direction mapping is equirectUv's.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import jpeg from 'jpeg-js'
import { DEG } from '../src/domain/scenes/angles.ts'

const WIDTH = 4096
const HEIGHT = 2048
/** The viewpoint's height above the valley floor, metres (for the rivers' perspective). */
const EYE_HEIGHT_M = 30
const OUT = join(import.meta.dirname, '..', 'public', 'xr', 'panoramas', 'panorama-sample.jpg')

type Rgb = [number, number, number]
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]
const clamp01 = (t: number) => Math.min(1, Math.max(0, t))

/** Ridge line: pitch of the skyline in degrees at a yaw in degrees; the pagoda hill peaks at yaw 0. */
function skylineDeg(yaw: number): number {
  const rolling =
    2.2 + 1.2 * Math.sin(yaw * DEG * 3) + 0.7 * Math.sin(yaw * DEG * 7 + 1.3) + 0.3 * Math.sin(yaw * DEG * 17)
  const hill = 5.5 * Math.exp(-((yaw / 14) ** 2))
  return Math.max(rolling, hill + 0.8)
}

/** Whether a direction falls on the pagoda: 9 storeys from pitch 6.3° to 20°, tapering. */
function pagoda(yaw: number, pitch: number): 'wall' | 'eave' | null {
  const base = 6.3
  const top = 20
  if (pitch < base || pitch > top + 1.2) return null
  if (pitch > top) return Math.abs(yaw) < 0.25 * (1 - (pitch - top) / 1.2) + 0.05 ? 'wall' : null
  const t = (pitch - base) / (top - base)
  const halfWidth = 1.6 - 0.9 * t
  const storey = t * 9
  const inEave = storey % 1 > 0.86
  if (Math.abs(yaw) < halfWidth + (inEave ? 0.35 : 0)) return inEave ? 'eave' : 'wall'
  return null
}

/** Distance in metres from a ground point to a polyline. */
function distanceToPolyline(x: number, z: number, line: readonly [number, number][]): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, az] = line[i] as [number, number]
    const [bx, bz] = line[i + 1] as [number, number]
    const dx = bx - ax
    const dz = bz - az
    const t = clamp01(((x - ax) * dx + (z - az) * dz) / (dx * dx + dz * dz))
    best = Math.min(best, Math.hypot(x - (ax + t * dx), z - (az + t * dz)))
  }
  return best
}

// The confluence lies at yaw 60°, pitch −12° (the hotspot): 141 m away at 30 m eye height.
const confluenceD = EYE_HEIGHT_M / Math.tan(12 * DEG)
const C: [number, number] = [confluenceD * Math.sin(60 * DEG), -confluenceD * Math.cos(60 * DEG)]
const RIVERS: [number, number][][] = [
  [[C[0] + 900, C[1] + 300], [C[0] + 300, C[1] + 60], C],
  [[C[0] + 500, C[1] + 900], [C[0] + 120, C[1] + 260], C],
  [C, [C[0] - 200, C[1] - 400], [C[0] - 260, C[1] - 1500]],
]

function colour(yaw: number, pitch: number): Rgb {
  const sky = skylineDeg(yaw)
  const p = pagoda(yaw, pitch)
  if (p) return p === 'eave' ? [70, 52, 44] : [150, 128, 104]
  const bell = Math.hypot((yaw - 9) / 0.6, (pitch - 6.2) / 0.8) < 1
  if (bell) return [48, 44, 42]
  if (pitch > sky) {
    const t = clamp01((pitch - sky) / 60)
    const base = mix([236, 214, 178], [118, 160, 208], Math.sqrt(t))
    const sun = Math.exp(-((Math.hypot(yaw + 120, pitch - 35) / 9) ** 2))
    return mix(base, [255, 246, 220], sun * 0.8)
  }
  if (pitch > -2) {
    const t = clamp01((sky - pitch) / (sky + 2))
    return mix([176, 136, 92], [150, 112, 74], t)
  }
  const d = EYE_HEIGHT_M / Math.tan(-pitch * DEG)
  const x = d * Math.sin(yaw * DEG)
  const z = -d * Math.cos(yaw * DEG)
  const river = Math.min(...RIVERS.map((r) => distanceToPolyline(x, z, r)))
  if (river < 9) return mix([84, 120, 140], [120, 150, 160], river / 9)
  const furrow = 0.5 + 0.5 * Math.sin(d * 0.35)
  const ground = mix([190, 150, 102], [168, 128, 86], furrow * clamp01(1 - d / 400))
  return mix(ground, [200, 170, 130], clamp01(d / 2000))
}

const data = Buffer.alloc(WIDTH * HEIGHT * 4)
for (let y = 0; y < HEIGHT; y++) {
  const pitch = 90 - ((y + 0.5) / HEIGHT) * 180
  for (let x = 0; x < WIDTH; x++) {
    const yaw = ((x + 0.5) / WIDTH - 0.5) * 360
    const [r, g, b] = colour(yaw, pitch)
    const i = (y * WIDTH + x) * 4
    data[i] = r
    data[i + 1] = g
    data[i + 2] = b
    data[i + 3] = 255
  }
}
const encoded = jpeg.encode({ data, width: WIDTH, height: HEIGHT }, 82)
mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, encoded.data)
console.log(
  `${OUT}: ${WIDTH}×${HEIGHT}, ${(encoded.data.length / 1024).toFixed(0)} KiB (generated, not a photo)`,
)
