/**
 * The one font of all 3D text: Noto Sans SC subset to the characters the scenes draw
 * (scripts/xr-font.ts), served from our own origin. Never leave `font` unset on a <Text>: drei
 * then fetches a font from a CDN, and offline the text never renders (notes/stack.md).
 */
export const XR_FONT_URL = '/xr/fonts/hongtu-xr.woff'
