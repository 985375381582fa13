import { chromium } from '@playwright/test'
import { PLAQUE_WIDTH_MM } from './plaque-svg.ts'

/**
 * Renders an SVG to PNG in Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium), so
 * the Chinese text uses the same system CJK fonts a browser would. `dpi` is the print
 * resolution the PNG is meant for: 300 dpi gives a 120 mm plaque 1417 pixels wide.
 */
export async function renderSvgToPng(svg: string, dpi = 300): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  })
  try {
    // CSS has 96 px per inch; the scale factor turns CSS pixels into printer dots.
    const cssWidth = Math.ceil((PLAQUE_WIDTH_MM / 25.4) * 96)
    const page = await browser.newPage({
      deviceScaleFactor: dpi / 96,
      viewport: { width: cssWidth, height: 800 },
    })
    await page.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0">${svg}</body></html>`)
    await page.evaluate(() => document.fonts.ready)
    return await page.locator('svg').screenshot({ type: 'png' })
  } finally {
    await browser.close()
  }
}
