import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test'
import { coarse } from '../../src/domain/records/record.ts'
import { uuidv7 } from '../../src/domain/records/uuidv7.ts'
import type { Account } from './account.ts'
import { pack, site } from './content.ts'

/**
 * The trainer's side for e2e tests: demo accounts, a member of their own put on a class through
 * the trainer's roster API (so tests side by side never share a row), and a page object for the
 * class dashboard that finds a cell by the member's name and the column's heading.
 */

export const TRAINER1: Account = { username: 'trainer1', password: 'hongtu-trainer1-demo', name: '张老师' }
export const ADMIN: Account = { username: 'admin', password: 'hongtu-admin-demo', name: '组织部管理员' }
export const DEMO_CLASS = { id: 'demo-yanan-class', name: '延安精神现场教学班（演示）' }

async function loggedIn(baseURL: string, who: Account): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL })
  const login = await ctx.post('/api/auth/login', {
    data: { username: who.username, password: who.password },
  })
  expect(login.status()).toBe(200)
  return ctx
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

/** A fresh member in a branch of their own (the admin API), with their account id. */
export async function freshMemberWithId(
  baseURL: string,
  branch = `测试支部${unique()}`,
  displayName?: string,
): Promise<Account & { id: string; branch: string }> {
  const admin = await loggedIn(baseURL, ADMIN)
  try {
    const tag = unique()
    const account = {
      username: `tr${tag}`,
      password: `pw-${tag}-${Date.now()}`,
      name: displayName ?? `学员${tag}`,
    }
    const created = await admin.post('/api/admin/users', {
      data: {
        username: account.username,
        password: account.password,
        displayName: account.name,
        role: 'member',
        branch,
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const { user } = (await created.json()) as { user: { id: string } }
    return { ...account, id: user.id, branch }
  } finally {
    await admin.dispose()
  }
}

/** Puts members on a class as its trainer does (POST /api/classes/:id/members). */
/** Adds members to a class as its trainer (补录学员), or as an admin (the roster). */
export async function addToClass(
  baseURL: string,
  classId: string,
  memberIds: string[],
  by: Account = TRAINER1,
) {
  const trainer = await loggedIn(baseURL, by)
  try {
    const res = await trainer.post(`/api/classes/${classId}/members`, { data: { memberIds } })
    expect(res.status(), await res.text()).toBe(200)
  } finally {
    await trainer.dispose()
  }
}

/**
 * A member's GPS check-in made on some other device and uploaded by it (the sync API), for tests
 * where the trainer's screen, not the member's phone, is under test.
 */
export async function uploadCheckin(baseURL: string, member: Account & { id: string }, siteId: string) {
  const { location } = site(siteId)
  await uploadRecord(baseURL, member, 'checkin', {
    siteId,
    method: 'gps',
    verdict: 'inside',
    gps: { lat: coarse(location.lat), lng: coarse(location.lng), accuracyM: 10, distanceM: 5 },
  })
}

/** One record of the member's, pushed from another phone of theirs; it must be created. */
export async function uploadRecord(
  baseURL: string,
  member: Account & { id: string },
  kind: string,
  payload: unknown,
) {
  const ctx = await loggedIn(baseURL, member)
  try {
    const record = {
      id: uuidv7(),
      kind,
      v: 1,
      memberId: member.id,
      deviceId: 'other-phone',
      seq: 1,
      occurredAt: new Date().toISOString(),
      clockOffsetMs: 0,
      classId: null,
      contentVersion: pack.version,
      payload,
    }
    const res = await ctx.post('/api/sync/push', { data: { records: [record] } })
    expect(res.status(), await res.text()).toBe(200)
    expect(((await res.json()) as { results: { result: string }[] }).results[0]?.result).toBe('created')
  } finally {
    await ctx.dispose()
  }
}

/** What the guided-mode client dispatches when the server says a class's records changed. */
export async function nudgeClassRecordsChanged(page: Page, classId: string) {
  await page.evaluate(
    (id) =>
      window.dispatchEvent(new CustomEvent('hongtu:class-records-changed', { detail: { classId: id } })),
    classId,
  )
}

export class DashboardDriver {
  constructor(readonly page: Page) {}

  grid(): Locator {
    return this.page.getByTestId('class-grid')
  }

  row(memberName: string): Locator {
    return this.grid()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: memberName }) })
  }

  /** The cell of a member's row under the column whose heading contains `column`. */
  async cell(memberName: string, column: string): Promise<Locator> {
    const headings = await this.grid().getByRole('columnheader').allTextContents()
    const index = headings.findIndex((h) => h.includes(column))
    expect(index, `a column "${column}" in ${headings.join(' | ')}`).toBeGreaterThan(0)
    return this.row(memberName).locator('th, td').nth(index)
  }

  connectionNote(): Locator {
    return this.page.getByTestId('connection-note')
  }
}
