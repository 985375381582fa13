import { useState } from 'react'
import { madeBeforeLogin } from '../../platform/storage/record-log.ts'
import { useRecords } from '../shell/records-context.tsx'
import { type PassportStrings, usePassportStrings } from './strings.ts'

/**
 * Imports an export of unsynced records (P8/row 17): ids are kept, so a second import adds nothing.
 * Records the file holds from before a login (a phone's local member) are the member's only if
 * they say so, as at login: then they join the account; otherwise they are left out.
 */
export function ImportBackup() {
  const ps = usePassportStrings()
  const { log, member, syncNow } = useRecords()
  // What to say, not the words said: switching the language re-says it.
  const [message, setMessage] = useState<{ say: (t: PassportStrings) => string } | null>(null)
  /** A file waiting for the member's answer about its records from before a login. */
  const [asking, setAsking] = useState<{ records: readonly unknown[]; beforeLogin: number } | null>(null)
  if (!log || !member) return null
  const importRecords = async (records: readonly unknown[], adoptBeforeLogin: boolean) => {
    setAsking(null)
    const added = await log.importUnsynced(records, member.memberId, { adoptBeforeLogin })
    setMessage({ say: (t) => (added > 0 ? t.importDone(added) : t.importNone) })
    // Sent now when online, as a new record would be.
    if (added > 0) syncNow()
  }
  const onFile = async (file: File) => {
    let body: { format?: unknown; records?: unknown }
    try {
      body = JSON.parse(await file.text()) as typeof body
    } catch {
      return setMessage({ say: (t) => t.importBad })
    }
    if (body.format !== 'hongtu.records.v1' || !Array.isArray(body.records))
      return setMessage({ say: (t) => t.importBad })
    const records = body.records as unknown[]
    // This device's own records from before a login are already the member's to claim at login.
    const beforeLogin = records.filter(
      (r) => madeBeforeLogin(r) && (r as { memberId: string }).memberId !== member.memberId,
    ).length
    if (beforeLogin > 0) {
      setMessage(null)
      return setAsking({ records, beforeLogin })
    }
    await importRecords(records, false)
  }
  return (
    <span>
      {/* The input inside its label: the label, styled as a button, shows the hidden input's focus. */}
      <label className="button-link">
        {ps.importBackup}
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void onFile(file)
            e.target.value = ''
          }}
        />
      </label>
      {message && <span role="status"> {message.say(ps)}</span>}
      {asking && (
        <span role="alert" className="import-question">
          <span>{ps.importBeforeLoginQuestion(asking.beforeLogin)}</span>{' '}
          <button type="button" onClick={() => void importRecords(asking.records, true)}>
            {ps.importBeforeLoginYes}
          </button>{' '}
          <button type="button" onClick={() => void importRecords(asking.records, false)}>
            {ps.importBeforeLoginNo}
          </button>
        </span>
      )}
    </span>
  )
}
