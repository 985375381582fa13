import type { LessonCell, StopCell } from '../../domain/classes/dashboard.ts'
import { flagText } from '../../domain/records/flag-text.ts'
import { usePreferences } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { formatList } from '../classes/list-format.tsx'
import { type TrainerStrings, useTrainerStrings } from './strings.ts'

/** What one dashboard cell says: a status word first, then how and when, then flags in words. */

export const percent = (share: number) => `${Math.round(share * 100)}%`

export function FlagList({ flags }: { flags: readonly string[] }) {
  const { prefs } = usePreferences()
  const s = useTrainerStrings()
  if (flags.length === 0) return null
  return (
    <ul className="flag-list" aria-label={s.flagsLabel}>
      {flags.map((code) => {
        const f = flagText(code)
        return (
          <li key={code} className={`flag flag-${f.tone}`}>
            <span aria-hidden="true">{f.tone === 'warn' ? '⚠ ' : 'ⓘ '}</span>
            {prefs.lang === 'en' ? f.en : f.zh}
          </li>
        )
      })}
    </ul>
  )
}

const modeWord = (s: TrainerStrings, m: 'onsite' | 'remote' | 'vr') =>
  m === 'onsite' ? s.modeOnsite : m === 'remote' ? s.modeRemote : s.modeVr

export function StopCellView({ cell }: { cell: StopCell }) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const { checkin, attestation } = cell
  if (!checkin && !attestation) return <span className="cell-none">{s.notYet}</span>
  return (
    <>
      {checkin && (
        <span className="cell-done">
          <span aria-hidden="true">✓ </span>
          {s.checkedIn}
          <span className="cell-detail">
            {checkin.method === 'gps' ? s.methodGps : s.methodQr} ·{' '}
            {checkin.verdict === 'inside' ? s.verdictInside : s.verdictQrValid} ·{' '}
            {formatDateTime(checkin.at, prefs.lang)}
          </span>
          <FlagList flags={checkin.flags} />
        </span>
      )}
      {attestation && (
        <span className="cell-done">
          <span aria-hidden="true">✓ </span>
          {s.attested}
          <span className="cell-detail">{formatDateTime(attestation.at, prefs.lang)}</span>
          <FlagList flags={attestation.flags} />
        </span>
      )}
    </>
  )
}

export function LessonCellView({ cell }: { cell: LessonCell }) {
  const s = useTrainerStrings()
  const { prefs } = usePreferences()
  const details = [
    formatList(
      cell.modes.map((m) => modeWord(s, m)),
      prefs.lang,
    ),
    cell.bestScore !== null ? s.score(percent(cell.bestScore)) : '',
    cell.attempts > 0 ? s.attempts(cell.attempts) : '',
    cell.reflections > 0 ? s.reflectionWritten : '',
  ].filter(Boolean)
  const word = cell.completed
    ? s.completed
    : cell.pending
      ? s.pending
      : cell.attestation
        ? s.attested
        : cell.attempts > 0
          ? s.inProgress(cell.attempts)
          : s.notStarted
  // Presence confirmed by the trainer is not a completed lesson (the column's total and the
  // archive say 未完成): no tick for it, only its words.
  const done = cell.completed
  return (
    <>
      <span className={done ? 'cell-done' : 'cell-none'}>
        {done && <span aria-hidden="true">✓ </span>}
        {word}
      </span>
      {details.length > 0 && <span className="cell-detail">{details.join(' · ')}</span>}
      <FlagList flags={cell.flags} />
    </>
  )
}
