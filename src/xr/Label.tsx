import { Text } from '@react-three/drei'
import type { ComponentProps } from 'react'
import { configureTextBuilder } from 'troika-three-text'
import { XR_FONT_URL } from './font.ts'

// troika typesets in a worker made from a blob: URL, which the app's Content-Security-Policy
// (worker-src 'self') rightly blocks; on the main thread the text still renders (its glyph SDFs
// are drawn with WebGL either way).
configureTextBuilder({ useWorker: false })

type TextProps = ComponentProps<typeof Text>

/** 3D text from the shipped subset font; `size` is the glyph height in metres. */
export function Label({
  size,
  color = '#1f1a17',
  ...rest
}: Omit<TextProps, 'font' | 'fontSize'> & { size: number }) {
  return <Text font={XR_FONT_URL} fontSize={size} color={color} anchorX="center" anchorY="middle" {...rest} />
}
