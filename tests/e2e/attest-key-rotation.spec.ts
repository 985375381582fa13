import { attestClaims, signAttestToken } from '../../src/domain/attest/sign.ts'
import { parseAttestToken } from '../../src/domain/attest/token.ts'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { logIn } from './account.ts'
import { freshClassMember, shownLink, TRAINER1, TrainerApi } from './attest-driver.ts'
import { seriousViolations } from './axe.ts'
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures.ts'

test.use(WITHOUT_SERVICE_WORKER)

/**
 * A trainer's phone is lost with the class's signing key on it. On another device, which had
 * shown codes of that key too, the trainer replaces the key from the class dashboard (asked
 * twice); reopened online, that device's code screen swaps to the new key. From then on a code the lost phone
 * signs is refused by a member's phone that downloaded the class before the rotation (online,
 * it learns of the retirement when it scans), while the code the trainer's device now shows,
 * with the new key, is accepted. A class of its own: other tests use the demo class's key.
 */
test('the class key replaced after a phone is lost: the lost phone’s codes are refused, the new ones accepted', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000)
  const origin = baseURL as string
  const api = await TrainerApi.open(origin)
  const trainerContext = await browser.newContext({ baseURL: origin, ...WITHOUT_SERVICE_WORKER })
  try {
    const classId = await api.newClass()
    const member = await freshClassMember(origin, '换钥学员')
    const added = await api.api.post(`/api/classes/${classId}/members`, { data: { memberIds: [member.id] } })
    expect(added.status(), await added.text()).toBe(200)
    // The phone that will be lost downloads the class's first key, as the code screen does.
    const lost = (await (await api.api.get(`/api/classes/${classId}/signing-key`)).json()) as {
      kid: string
      privateJwk: PrivateSiteJwk
    }
    expect(lost.kid).toBe(`cls-${classId}-1`)

    // The member downloads the class for the trip while the first key is in use.
    await logIn(page, member)
    await page.goto(`/classes/${classId}`)
    await page.getByRole('button', { name: '下载本班离线资料' }).click()
    await expect(page.getByTestId('class-offline')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })

    // The trainer's other device has shown codes of the first key, and keeps that key.
    const trainer = await trainerContext.newPage()
    await logIn(trainer, TRAINER1)
    const kidShown = async () => {
      await trainer.goto(`/trainer/classes/${classId}/attest`)
      await trainer.getByLabel('所在站点或现场教学').selectOption({ index: 1 })
      await expect(trainer.getByTestId('attest-code')).toBeVisible()
      const link = await shownLink(trainer)
      return { link, kid: parseAttestToken(link.slice(link.indexOf('/a/') + 3))?.claims.kid }
    }
    const signingKeyRequests = () => requests.filter((u) => u.endsWith('/signing-key')).length
    const requests: string[] = []
    trainer.on('request', (r) => requests.push(new URL(r.url()).pathname))
    const keyListRequests = () => requests.filter((u) => u.endsWith(`/classes/${classId}/keys`)).length
    expect((await kidShown()).kid).toBe(`cls-${classId}-1`)
    expect(signingKeyRequests()).toBe(1)
    // Reopened online while the key is in use: the public key list says so, and the private
    // key does not cross the network again.
    const listsBefore = keyListRequests()
    expect((await kidShown()).kid).toBe(`cls-${classId}-1`)
    await expect.poll(keyListRequests).toBeGreaterThan(listsBefore)
    await trainer.waitForLoadState('networkidle')
    expect(signingKeyRequests()).toBe(1)

    // On that device the trainer replaces the key: asked first, then done.
    await trainer.goto(`/trainer/classes/${classId}`)
    const section = trainer.getByRole('region', { name: '到场确认码密钥' })
    await section.getByRole('button', { name: '更换到场确认码密钥' }).click()
    await expect(section.getByRole('alert')).toContainText('此操作不能撤销')
    expect(await seriousViolations(trainer)).toEqual([])
    await section.getByRole('button', { name: '取消' }).click()
    await expect(section.getByRole('alert')).toHaveCount(0)
    await section.getByRole('button', { name: '更换到场确认码密钥' }).click()
    await section.getByRole('button', { name: '确认更换' }).click()
    await expect(section.getByRole('status')).toContainText('已更换')

    // The lost phone goes on signing with the old key: the member's phone refuses its code.
    const listed = await api.api.get(`/api/classes/${classId}/keys`)
    const keys = ((await listed.json()) as { keys: { kid: string; retiredAt: string | null }[] }).keys
    expect(keys.map((k) => [k.kid, k.retiredAt !== null])).toEqual([
      [`cls-${classId}-1`, true],
      [`cls-${classId}-2`, false],
    ])
    const oldCode = await signAttestToken(
      attestClaims({
        kid: lost.kid,
        classId,
        at: { site: 'yimeng-geming-jinianguan' },
        trainerId: 'demo-trainer1',
        // The next 30-second step: a code of the step under way at the rotation could have been
        // on the trainer's screen before it, and stays good (src/domain/attest/keys.ts).
        nowMs: Date.now() + 30_000,
      }),
      await importSitePrivateKey(lost.privateJwk),
    )
    await page.goto(`/a/${oldCode}`)
    await expect(page.getByRole('alert')).toContainText('签名密钥已被停用')
    await expect(page.getByTestId('attest-confirmed')).toHaveCount(0)

    // Reopened online, the trainer's device swaps its stored key for the new one, and the
    // member's phone accepts its codes.
    await expect.poll(async () => (await kidShown()).kid, { timeout: 15_000 }).toBe(`cls-${classId}-2`)
    expect(signingKeyRequests()).toBe(2)
    const { link } = await kidShown()
    await page.goto(new URL(link).pathname)
    await expect(page.getByTestId('attest-confirmed')).toContainText('带教老师已确认你在')
  } finally {
    await trainerContext.close()
    await api.dispose()
  }
})
