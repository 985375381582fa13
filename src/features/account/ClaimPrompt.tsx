import { useState } from 'react'
import { useRecords } from '../shell/records-context.tsx'
import { useAccountStrings } from './strings.ts'

/**
 * Records made before logging in belong to this device's local member. Only the member can say
 * whether they are theirs: on a shared device they may be someone else's (P11). `onDone` gets how
 * many records were claimed, or nothing when the member said no.
 */
export function ClaimPrompt({
  count,
  from,
  to,
  onDone,
}: {
  count: number
  from: string
  to: string
  onDone: (claimed?: number) => void
}) {
  const s = useAccountStrings()
  const { log, syncNow } = useRecords()
  const [busy, setBusy] = useState(false)
  return (
    <section className="status-line" aria-labelledby="claim-q">
      <p id="claim-q">{s.claimQuestion(count)}</p>
      <p className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            if (!log) return
            setBusy(true)
            const moved = await log.reassignUnsent(from, to)
            syncNow()
            onDone(moved)
          }}
        >
          {s.claimYes}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone()}>
          {s.claimNo}
        </button>
      </p>
    </section>
  )
}
