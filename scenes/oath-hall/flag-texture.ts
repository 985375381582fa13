import { CanvasTexture, SRGBColorSpace } from 'three'

/**
 * The Party flag as a texture: a red field with the golden emblem (hammer and sickle) in the
 * upper left, 3:2. Drawn procedurally at 1024 × 683 px (within the 2048² texture budget); the
 * emblem's shapes are simplified.
 */
export const FLAG_PX = { width: 1024, height: 683 } as const
const RED = '#de2910'
const GOLD = '#ffde00'

export function drawPartyFlag(): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = FLAG_PX.width
  canvas.height = FLAG_PX.height
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no 2D canvas')
  g.fillStyle = RED
  g.fillRect(0, 0, canvas.width, canvas.height)
  // The emblem in the upper-left quarter, centred at (cx, cy), about s px across.
  const cx = 256
  const cy = 170
  const s = 240
  g.fillStyle = GOLD
  g.strokeStyle = GOLD
  // Sickle: a thick crescent opening to the upper right, with a short handle at the lower left.
  g.beginPath()
  g.arc(cx, cy, s * 0.42, Math.PI * 0.15, Math.PI * 1.35, false)
  g.arc(cx + s * 0.06, cy - s * 0.06, s * 0.32, Math.PI * 1.3, Math.PI * 0.2, true)
  g.closePath()
  g.fill()
  g.lineWidth = s * 0.09
  g.lineCap = 'round'
  g.beginPath()
  g.moveTo(cx - s * 0.3, cy + s * 0.3)
  g.lineTo(cx - s * 0.44, cy + s * 0.44)
  g.stroke()
  // Hammer: a handle from the lower right to the centre, and a head across its upper end.
  g.lineWidth = s * 0.08
  g.beginPath()
  g.moveTo(cx + s * 0.36, cy + s * 0.36)
  g.lineTo(cx - s * 0.08, cy - s * 0.08)
  g.stroke()
  g.save()
  g.translate(cx - s * 0.12, cy - s * 0.12)
  g.rotate(Math.PI / 4)
  g.fillRect(-s * 0.08, -s * 0.24, s * 0.16, s * 0.4)
  g.restore()
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  texture.name = 'party-flag'
  return texture
}
