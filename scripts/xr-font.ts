/**
 * `npm run xr:font`: subsets Noto Sans SC (from @fontsource/noto-sans-sc, OFL) to exactly the
 * characters drawn in 3D (every scene's texts, the oath, the quizzes of the linked lessons, the
 * 3D UI strings) plus printable ASCII, and writes public/xr/fonts/hongtu-xr.woff (≈ tens of KB
 * instead of 1.56 MB). A .woff, not .woff2: troika (drei <Text>) parses woff but not woff2.
 *
 * Run it after changing a scene's text or a linked lesson's quiz; the unit test
 * scenes/font-coverage.test.ts fails until you do.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import subsetFont from 'subset-font'
import { xrFontCharacters } from '../scenes/font-characters.ts'

export const XR_FONT_PATH = 'public/xr/fonts/hongtu-xr.woff'
const SOURCE = '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'

const root = join(import.meta.dirname, '..')
const chars = xrFontCharacters(root)
const source = readFileSync(createRequire(import.meta.url).resolve(SOURCE))
const subset = await subsetFont(source, chars, { targetFormat: 'woff' })
mkdirSync(dirname(join(root, XR_FONT_PATH)), { recursive: true })
writeFileSync(join(root, XR_FONT_PATH), subset)
console.log(`${XR_FONT_PATH}: ${[...chars].length} characters, ${(subset.length / 1024).toFixed(1)} KiB`)
