import { type APIRequestContext, expect, type Page, request } from '@playwright/test'
import { attestClaims, signAttestToken } from '../../src/domain/attest/sign.ts'
import type { AttestClaims } from '../../src/domain/attest/token.ts'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import type { Account } from './account.ts'

/**
 * Helpers of the attestation e2e tests: a fresh member put into the demo class by the admin,
 * the trainer's API session (to sign codes in the test exactly as the trainer's device does,
 * with the key the signing-key endpoint hands out), and the app's stored attestations.
 */

export const DEMO_CLASS = 'demo-yanan-class'
export const TRAINER1: Account = { username: 'trainer1', password: 'hongtu-trainer1-demo', name: '张老师' }

async function loggedIn(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL })
  const login = await api.post('/api/auth/login', { data: { username, password } })
  expect(login.status(), await login.text()).toBe(200)
  return api
}

/** A member of their own, added to the demo class by the admin, so parallel tests never share records. */
export async function freshClassMember(
  baseURL: string,
  name = '测试学员',
): Promise<Account & { id: string }> {
  const admin = await loggedIn(baseURL, 'admin', 'hongtu-admin-demo')
  try {
    const account = {
      username: `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      password: `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`,
      name,
    }
    const created = await admin.post('/api/admin/users', {
      data: {
        username: account.username,
        password: account.password,
        displayName: name,
        role: 'member',
        branch: '测试党支部',
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const id = ((await created.json()) as { user: { id: string } }).user.id
    const added = await admin.post(`/api/classes/${DEMO_CLASS}/members`, { data: { memberIds: [id] } })
    expect(added.status(), await added.text()).toBe(200)
    return { ...account, id }
  } finally {
    await admin.dispose()
  }
}

/** trainer1's API session: signs codes of their classes, reads their class's records. */
export class TrainerApi {
  private constructor(readonly api: APIRequestContext) {}

  static async open(baseURL: string) {
    return new TrainerApi(await loggedIn(baseURL, TRAINER1.username, TRAINER1.password))
  }

  dispose() {
    return this.api.dispose()
  }

  /** A code of `classId` signed with its key, as the trainer's device would make it at `atMs`. */
  async code(classId: string, over: Partial<AttestClaims> = {}, atMs = Date.now()): Promise<string> {
    const res = await this.api.get(`/api/classes/${classId}/signing-key`)
    expect(res.status(), await res.text()).toBe(200)
    const { kid, privateJwk } = (await res.json()) as { kid: string; privateJwk: PrivateSiteJwk }
    const claims = attestClaims({
      kid,
      classId,
      at: { site: 'zaoyuan' },
      trainerId: 'demo-trainer1',
      nowMs: atMs,
    })
    return signAttestToken({ ...claims, ...over }, await importSitePrivateKey(privateJwk))
  }

  /** A new class of trainer1's (on another route), for codes of a class the member is not in. */
  /** A class of trainer1 for today: on the 沂蒙 route unless told otherwise (a VR-center class: no route, scenes). */
  async newClass(
    over: { name?: string; routeId?: string | null; sceneIds?: string[] } = {},
  ): Promise<string> {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const res = await this.api.post('/api/classes', {
      data: { name: '沂蒙测试班', routeId: 'yimeng-linyi', startsOn: today, endsOn: today, ...over },
    })
    expect(res.status(), await res.text()).toBe(201)
    return ((await res.json()) as { class: { id: string } }).class.id
  }

  /** The class's records as the trainer's dashboard reads them, with their flags. */
  async classRecords(classId: string) {
    const res = await this.api.get(`/api/classes/${classId}/records?cursor=0&limit=1000`)
    expect(res.status()).toBe(200)
    return ((await res.json()) as { records: { flags: string[]; record: { id: string; kind: string } }[] })
      .records
  }
}

/** The attestation records the member's app stored (IndexedDB `hongtu`, store `records`). */
export async function storedAttestations(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hongtu')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = db.transaction('records').objectStore('records').getAll()
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    db.close()
    return all.filter((r) => r.kind === 'attestation') as {
      id: string
      classId: string
      payload: Record<string, unknown>
    }[]
  })
}

/** The link the trainer's screen encodes in its QR code now. */
export async function shownLink(trainer: Page): Promise<string> {
  const link = await trainer.getByTestId('attest-code').getAttribute('data-attest-link')
  if (!link) throw new Error('the trainer screen shows no code')
  return link
}
