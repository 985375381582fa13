import { type ClassPublicKey, signedAfterRetirement } from '../../src/domain/attest/keys.ts'
import { payloadMismatch } from '../../src/domain/attest/payload.ts'
import { type AttestationSeen, outsideWindow, replayedOnDevice } from '../../src/domain/attest/replay.ts'
import { attestTokenId, parseAttestToken } from '../../src/domain/attest/token.ts'
import { signatureValid } from '../../src/domain/attest/verify.ts'
import type { RecordEnvelope } from '../../src/domain/records/record.ts'
import { standaloneLessonIds } from '../classes/scene-catalog.ts'
import type { AppServices } from '../context.ts'
import { FLAG } from '../sync/flags.ts'
import { correctedTimeMs } from '../sync/verify.ts'
import { classPublicKeys } from './keys.ts'

/**
 * The server's second look at an attestation record (src/domain/attest/replay.ts explains the
 * rules). Like every other check of offline work it only adds flags; the record is kept.
 *
 * Why a bad signature or another class's code is flagged rather than refused as `invalid`: the
 * member's device verified the code offline before saving, so on an honest device these mean
 * the server's keys changed, or the record was edited, or the app had a bug. Refusing would park
 * the record on the member's phone with an error they cannot act on and hide it from the
 * trainer; flagged, the trainer sees it and decides. A record naming a class the member is not
 * in at all (its envelope classId) is still refused `forbidden` by the general rule of sync.
 *
 * One instance per push: class keys and class membership are read once per batch.
 */
export class AttestationVerifier {
  private readonly keys = new Map<string, Promise<ClassPublicKey[]>>()
  private memberOf: Promise<Set<string>> | undefined

  constructor(
    private readonly s: AppServices,
    private readonly memberId: string,
  ) {}

  async flags(r: RecordEnvelope<'attestation'>): Promise<string[]> {
    const p = r.payload
    const flags: string[] = []
    if (p.siteId !== undefined && !this.s.content.sites.some((x) => x.id === p.siteId))
      flags.push(FLAG.unknownSite)
    if (
      p.lessonId !== undefined &&
      !this.s.content.lessons.some((x) => x.id === p.lessonId) &&
      !standaloneLessonIds(this.s.config.projectRoot).has(p.lessonId)
    )
      flags.push(FLAG.unknownLesson)

    const parsed = parseAttestToken(p.token)
    if (!parsed) return [...flags, FLAG.attestationMalformed]
    const { claims, signingInput, signature } = parsed
    if (!(await this.classesAsMember()).has(claims.cls)) flags.push(FLAG.attestationOtherClass)
    if (r.classId !== claims.cls || payloadMismatch(p, claims) !== undefined)
      flags.push(FLAG.attestationMismatch)

    const key = (await this.classKeys(claims.cls)).find((k) => k.kid === claims.kid)
    if (!key) return [...flags, FLAG.attestationUnknownKey]
    if (!(await signatureValid(key, signingInput, signature))) return [...flags, FLAG.attestationBadSignature]
    if (signedAfterRetirement(key, claims.step)) flags.push(FLAG.attestationRetiredKey)

    // The code had to be on the trainer's screen when it was scanned: compare its step with the
    // best estimate of when the record was made, not with now (it may arrive days later).
    if (outsideWindow(claims.step, correctedTimeMs(r))) flags.push(FLAG.attestationOutsideWindow)
    const current: AttestationSeen = {
      memberId: this.memberId,
      deviceId: r.deviceId,
      tokenId: attestTokenId(claims),
    }
    if (replayedOnDevice(current, await this.sameDeviceUses(claims.cls, r.deviceId)))
      flags.push(FLAG.attestationReplayed)
    return flags
  }

  private classKeys(classId: string): Promise<ClassPublicKey[]> {
    let k = this.keys.get(classId)
    if (!k) {
      k = classPublicKeys(this.s.db, classId)
      this.keys.set(classId, k)
    }
    return k
  }

  /** Classes the member attends (a trainer's own presence is not attested by codes). */
  private classesAsMember(): Promise<Set<string>> {
    this.memberOf ??= this.s.db
      .selectFrom('class_members')
      .select('class_id')
      .where('user_id', '=', this.memberId)
      .execute()
      .then((rows) => new Set(rows.map((row) => row.class_id)))
    return this.memberOf
  }

  /**
   * Other members' attestations in the class from this device. Uses the records_class index
   * (class_id, server_seq): a class holds thousands of records, and a shared phone few of them.
   */
  private async sameDeviceUses(classId: string, deviceId: string): Promise<AttestationSeen[]> {
    const rows = await this.s.db
      .selectFrom('records')
      .select(['member_id', 'device_id', 'payload'])
      .where('class_id', '=', classId)
      .where('kind', '=', 'attestation')
      .where('device_id', '=', deviceId)
      .where('member_id', '!=', this.memberId)
      .where('status', '!=', 'deleted')
      .execute()
    return rows.flatMap((row) => {
      const token = (JSON.parse(row.payload) as { token?: unknown }).token
      const parsed = typeof token === 'string' ? parseAttestToken(token) : undefined
      return parsed
        ? [{ memberId: row.member_id, deviceId: row.device_id, tokenId: attestTokenId(parsed.claims) }]
        : []
    })
  }
}
