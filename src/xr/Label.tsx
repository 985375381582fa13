import { type ReactNode, use, useEffect, useMemo } from 'react'
import { CanvasTexture, LinearMipmapLinearFilter, SRGBColorSpace } from 'three'
import { drawTextBlock, loadXrFont } from './canvas-text.ts'

export interface LabelProps {
  /** Em size in metres. */
  size: number
  children: ReactNode
  color?: string
  position?: [number, number, number]
  name?: string
  maxWidth?: number
  lineHeight?: number
  textAlign?: 'left' | 'center' | 'right'
  /** Which point of the block sits at `position`. */
  anchorX?: 'left' | 'center' | 'right'
  anchorY?: 'top' | 'middle' | 'bottom'
  outlineWidth?: number
  outlineColor?: string
}

/**
 * Text never takes a ray, a click or a hover: the plate, panel or hotspot it belongs to does.
 * Its plane covers the whole block (transparent margins included), and would otherwise catch a
 * ray meant for whatever lies behind those margins.
 */
const ignoreRays = () => {}

/** Only strings and numbers make text; anything else in children is a mistake we show plainly. */
function textOf(children: ReactNode): string {
  const parts = Array.isArray(children) ? children : [children]
  return parts.map((p) => (typeof p === 'string' || typeof p === 'number' ? String(p) : '')).join('')
}

/**
 * 3D text from the shipped subset font (canvas-text.ts): a plane with the block drawn on it.
 * Suspends until the font is ready, so a scene's first frame never shows text in a fallback
 * font that then jumps. `userData.hongtuText` marks it for the test API's text count.
 */
export function Label({
  size,
  children,
  color = '#1f1a17',
  position,
  name,
  maxWidth,
  lineHeight = 1.2,
  textAlign = 'left',
  anchorX = 'center',
  anchorY = 'middle',
  outlineWidth,
  outlineColor,
}: LabelProps) {
  const fontLoaded = use(loadXrFont())
  const text = textOf(children)
  const block = useMemo(
    () =>
      drawTextBlock(text, {
        size,
        color,
        lineHeight,
        textAlign,
        ...(maxWidth === undefined ? {} : { maxWidth }),
        ...(outlineWidth === undefined ? {} : { outlineWidth }),
        ...(outlineColor === undefined ? {} : { outlineColor }),
      }),
    [text, size, color, lineHeight, textAlign, maxWidth, outlineWidth, outlineColor],
  )
  const texture = useMemo(() => {
    const t = new CanvasTexture(block.canvas)
    t.colorSpace = SRGBColorSpace
    t.minFilter = LinearMipmapLinearFilter
    t.name = 'text'
    return t
  }, [block])
  useEffect(() => () => texture.dispose(), [texture])

  const dx = { left: 0.5, center: 0, right: -0.5 }[anchorX] * block.width
  const dy = { top: -0.5, middle: 0, bottom: 0.5 }[anchorY] * block.height
  return (
    <group position={position}>
      <mesh
        name={name}
        position={[dx, dy, 0]}
        raycast={ignoreRays}
        userData={{ hongtuText: true, text, fontLoaded, lines: block.lines.length, emM: size }}
      >
        <planeGeometry args={[block.width, block.height]} />
        <meshBasicMaterial map={texture} transparent toneMapped={false} depthWrite={false} />
      </mesh>
    </group>
  )
}
