import { type BrowserContext, expect, type Page } from '@playwright/test'
import { northOf, site } from './content.ts'

/**
 * A member standing a few metres from a site's centre checks in by GPS and waits for "已保存"
 * (shown only once the record and its outbox entry have committed).
 */
export async function checkInAt(page: Page, context: BrowserContext, siteId: string, metresFromCentre = 5) {
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation({ ...northOf(site(siteId).location, metresFromCentre), accuracy: 10 })
  await page.goto(`/sites/${siteId}/checkin`)
  await page.getByRole('button', { name: '定位打卡' }).click()
  await page.getByRole('button', { name: '确认打卡' }).click()
  await expect(page.getByText(/^已保存：/)).toBeVisible()
}
