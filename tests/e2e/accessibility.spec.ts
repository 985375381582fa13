import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

const screens = [
  { name: 'routes list', path: '/' },
  { name: 'route with map', path: '/routes/yanan-two-day', map: true },
  { name: 'site', path: '/sites/zaoyuan' },
  { name: 'not found', path: '/nowhere' },
]

for (const screen of screens) {
  for (const mode of ['default', 'english', 'large-high-contrast'] as const) {
    test(`axe finds no serious or critical violation: ${screen.name}, ${mode}`, async ({ app, page }) => {
      await page.goto('/')
      if (mode === 'english') await app.switchLanguage()
      if (mode === 'large-high-contrast') {
        await page.getByRole('button', { name: '大字' }).click()
        await page.getByRole('button', { name: '高对比' }).click()
      }
      await page.goto(screen.path)
      await expect(app.heading()).toBeVisible()
      if (screen.map) await app.waitForMap()
      expect(await seriousViolations(page)).toEqual([])
    })
  }
}
