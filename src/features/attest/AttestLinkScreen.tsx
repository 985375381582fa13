import { useEffect, useRef, useState } from 'react'
import { attestationPayload } from '../../domain/attest/payload.ts'
import type { AttestUse } from '../../domain/attest/replay.ts'
import { attestTokenId, parseAttestToken } from '../../domain/attest/token.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import { useLocalizedString, usePreferences, useStrings } from '../../i18n/i18n.tsx'
import { sharedClassStore } from '../../platform/classes/class-store.ts'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { type CodeCheck, type CodeRefusal, checkAttestCode } from './accept-code.ts'
import { placeName } from './place.ts'
import { type AttestStrings, useAttestStrings } from './strings.ts'
import './attest.css'
import { serverNowMs } from '../../domain/sync/server-time.ts'
import { CLOCK_OFFSET_META } from '../shell/use-outbox-sync.ts'

/**
 * `/a/<token>`: what a phone's camera app opens from the trainer's rotating code, and where the
 * in-app scanner leads (`?via=scan`). Verifies the code offline and, when it is good, saves an
 * `attestation` record at once (the trainer is standing there; a second tap would only slow the
 * queue), saying 已确认 only once the record and its outbox entry are committed.
 */

type Accepted = Extract<CodeCheck, { ok: true }>
type Phase =
  | { readonly name: 'checking' }
  | { readonly name: 'refused'; readonly refusal: CodeRefusal }
  | { readonly name: 'saving'; readonly check: Accepted }
  | { readonly name: 'saved'; readonly check: Accepted; readonly at: string }
  | { readonly name: 'save-failed'; readonly check: Accepted }
  /** The device's class store could not be opened (a browser refusing IndexedDB). */
  | { readonly name: 'unavailable' }

export default function AttestLinkScreen({ token }: { token: string }) {
  const s = useAttestStrings()
  const t = useStrings()
  const heading = useScreenTitle(`${s.linkTitle} · ${t.appName}`)
  const { state, log, session, append } = useRecords()
  const [phase, setPhase] = useState<Phase>({ name: 'checking' })
  const [attempt, setAttempt] = useState(0)
  const method = new URLSearchParams(location.search).get('via') === 'scan' ? 'scan' : 'link'
  const userId = session?.userId ?? null
  // The latest append, so that re-renders (records changing after the save) start nothing again.
  const appendRef = useRef(append)
  useEffect(() => {
    appendRef.current = append
  })
  // One check (and at most one save) per code, member and retry, even when React runs the
  // effect twice (StrictMode) or the records context re-renders; a state update that lands
  // after the screen closed is harmless.
  const started = useRef('')

  useEffect(() => {
    const key = `${token} ${userId} ${attempt}`
    if (state.status !== 'ready' || !log || started.current === key) return
    started.current = key
    const run = async () => {
      const store = await sharedClassStore()
      // Judged by the server's time as this phone knows it: a clock set by hand still agrees.
      const offset = await log.getMeta<number>(CLOCK_OFFSET_META).catch(() => undefined)
      const check = await checkAttestCode(token, userId, {
        store,
        nowMs: serverNowMs(offset, Date.now()),
        savedTokenIds: async () => (userId ? savedAttestations(await log.records(userId)) : new Map()),
      })
      if (!check.ok) return setPhase({ name: 'refused', refusal: check })
      if (check.again) return setPhase({ name: 'saved', check, at: check.again.usedAt })
      setPhase({ name: 'saving', check })
      try {
        const payload = attestationPayload(token, check.claims, method)
        const record = await appendRef.current('attestation', payload, { classId: check.claims.cls })
        // The ledger is a second database: if this write fails the record is still saved, and
        // the server still flags a code reused from this device (domain/attest/replay.ts).
        const use = {
          tokenId: attestTokenId(check.claims),
          memberId: record.memberId,
          recordId: record.id,
          usedAt: record.occurredAt,
        }
        await store.addUse(use, Date.now()).catch(() => {})
        setPhase({ name: 'saved', check, at: record.occurredAt })
      } catch {
        setPhase({ name: 'save-failed', check })
      }
    }
    // Only the class store failing to open lands here.
    run().catch(() => setPhase({ name: 'unavailable' }))
  }, [token, userId, state.status, log, method, attempt])

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.linkTitle}
      </h1>
      {state.status === 'error' || state.status === 'closed-for-update' || phase.name === 'unavailable' ? (
        <p className="attest-problem" role="alert">
          {s.storageUnavailable}
        </p>
      ) : (
        <Body phase={phase} retry={() => setAttempt((n) => n + 1)} />
      )}
    </>
  )
}

function Body({ phase, retry }: { phase: Phase; retry: () => void }) {
  const s = useAttestStrings()
  const { prefs } = usePreferences()
  const text = useLocalizedString()
  const content = useContent()
  switch (phase.name) {
    case 'checking':
    case 'unavailable':
      return <StatusMessage title={s.verifying} />
    case 'saving':
      return <StatusMessage title={s.saving} />
    case 'refused':
      return <Refused refusal={phase.refusal} />
    case 'save-failed':
      return (
        <StatusMessage title={s.saveFailedTitle} tone="error">
          <p>{s.saveFailedBody}</p>
          <button type="button" className="primary big" onClick={retry}>
            {s.retry}
          </button>
        </StatusMessage>
      )
    case 'saved': {
      const place = placeName(phase.check.claims.at, content, text)
      const again = phase.check.again !== undefined
      const time = formatDateTime(phase.at, prefs.lang)
      return (
        <>
          <section className="attest-confirmed" role="status" data-testid="attest-confirmed">
            <h2>{again ? s.againTitle : s.savedTitle}</h2>
            <p className="attest-confirmed-body">{again ? s.againBody(place, time) : s.savedBody(place)}</p>
            {!again && <p>{s.savedNote}</p>}
            <p className="meta">{s.classLine(phase.check.cls.cls.name)}</p>
          </section>
          <NextLinks classId={phase.check.cls.classId} />
        </>
      )
    }
  }
}

function Refused({ refusal }: { refusal: CodeRefusal }) {
  const s = useAttestStrings()
  return (
    <>
      <StatusMessage title={s.refusedTitle} tone="error">
        <p data-reason={refusal.reason}>{refusalText(refusal, s)}</p>
      </StatusMessage>
      {refusal.reason === 'login-required' ? (
        <p>
          {/* Back here after logging in: the code is read again (scan anew if it has expired). */}
          <Link to={paths.login(location.pathname)} className="button-link primary">
            {s.logIn}
          </Link>
        </p>
      ) : (
        <NextLinks />
      )}
    </>
  )
}

function NextLinks({ classId }: { classId?: string }) {
  const s = useAttestStrings()
  return (
    <ul className="attest-next">
      <li>
        <Link to={paths.scan()}>{s.scanAnother}</Link>
      </li>
      <li>
        <Link to={classId ? paths.myClass(classId) : paths.myClasses()}>{s.myClasses}</Link>
      </li>
    </ul>
  )
}

export function refusalText(refusal: CodeRefusal, s: AttestStrings): string {
  switch (refusal.reason) {
    case 'expired':
      return refusal.nowStep < refusal.claims.step ? s.expiredFuture : s.expiredPast
    case 'keys-missing':
      return s.keysMissing(refusal.cls.name)
    case 'not-a-member':
      return s.notAMember(refusal.cls.name)
    default:
      return s.refusal[refusal.reason]
  }
}

/** This member's saved attestations by code, from the record log. */
function savedAttestations(records: readonly AnyRecord[]): Map<string, AttestUse> {
  const out = new Map<string, AttestUse>()
  for (const r of records) {
    if (r.kind !== 'attestation') continue
    const claims = parseAttestToken(r.payload.token)?.claims
    if (claims)
      out.set(attestTokenId(claims), {
        tokenId: attestTokenId(claims),
        memberId: r.memberId,
        recordId: r.id,
        usedAt: r.occurredAt,
      })
  }
  return out
}
