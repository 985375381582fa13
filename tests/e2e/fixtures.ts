import { test as base, expect, type Page } from '@playwright/test'

/**
 * Fixtures shared by every e2e test. Any request to a host other than the app's own fails the
 * test: the app must work offline and never call a CDN, font service or analytics host.
 */
export const test = base.extend<{ app: AppDriver; foreignRequests: string[] }>({
  foreignRequests: async ({ context, baseURL }, use) => {
    const own = new URL(baseURL ?? 'http://localhost').host
    const foreign: string[] = []
    // `request` also reports requests made by the service worker.
    context.on('request', (r) => {
      const url = new URL(r.url())
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own) foreign.push(r.url())
    })
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own,
      (route) => route.abort('blockedbyclient'),
    )
    await use(foreign)
    expect(foreign, 'requests to other hosts').toEqual([])
  },
  app: async ({ page, foreignRequests }, use) => {
    void foreignRequests
    await use(new AppDriver(page))
  },
})

export { expect }

/**
 * For specs about online screens, whose pages never go offline: `test.use(WITHOUT_SERVICE_WORKER)`
 * and the same options for contexts a spec opens itself. Installing the service worker precaches
 * about 5 MB and Chromium compiles its 3.6 MB of scripts for the code cache: measured, 1.2 s of
 * CPU per browser context on the 2-core CI machine, where e2e is CPU-bound. What the worker does
 * (offline screens, reloads, updates, XR assets offline) is tested by the specs that keep it.
 */
export const WITHOUT_SERVICE_WORKER = { serviceWorkers: 'block' } as const

/** A page object for the member app: what a member does, in the member's words. */
export class AppDriver {
  constructor(readonly page: Page) {}

  async openRoutes() {
    await this.page.goto('/')
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  async openRoute(title: RegExp | string) {
    await this.page.getByRole('link', { name: title }).first().click()
    await expect(this.heading()).toContainText(title)
  }

  async openStop(name: RegExp | string) {
    await this.page.getByRole('list').getByRole('link', { name }).first().click()
    await expect(this.heading()).toContainText(name)
  }

  async switchLanguage() {
    await this.page.getByRole('button', { name: /Switch to English|切换到中文/ }).click()
  }

  map() {
    return this.page.getByTestId('route-map')
  }

  async waitForMap() {
    await expect(this.map()).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  }

  /** Waits until the service worker controls the page, i.e. the app is installed for offline use. */
  async waitForOfflineReady() {
    await this.page.waitForFunction(
      async () => {
        const reg = await navigator.serviceWorker.ready
        return !!reg.active && !!navigator.serviceWorker.controller
      },
      undefined,
      { timeout: 20_000 },
    )
  }
}
