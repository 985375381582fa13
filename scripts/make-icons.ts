/**
 * Renders public/icons/icon.svg to the PNG sizes the manifest and iOS need, with Debian's
 * Chromium. Run by hand after changing the SVG (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
 */
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'

const svg = readFileSync('public/icons/icon.svg', 'utf8')
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage()
const render = async (file: string, size: number, padding: number) => {
  await page.setViewportSize({ width: size, height: size })
  const inner = size - 2 * padding
  await page.setContent(
    `<body style="margin:0;background:#b0121b;display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px">
       <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  )
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: false })
}
await render('icon-192.png', 192, 0)
await render('icon-512.png', 512, 0)
// Maskable icons keep their content inside the central 80% safe zone.
await render('icon-maskable-512.png', 512, 52)
await render('apple-touch-icon.png', 180, 0)
await browser.close()
