import { useState } from 'react'
import { useRecords } from '../shell/records-context.tsx'
import { type PassportStrings, usePassportStrings } from './strings.ts'

/** Imports an export of unsynced records (P8/row 17): ids are kept, so a second import adds nothing. */
export function ImportBackup() {
  const ps = usePassportStrings()
  const { log, member } = useRecords()
  // What to say, not the words said: switching the language re-says it.
  const [message, setMessage] = useState<{ say: (t: PassportStrings) => string } | null>(null)
  if (!log || !member) return null
  const onFile = async (file: File) => {
    let body: { format?: unknown; records?: unknown }
    try {
      body = JSON.parse(await file.text()) as typeof body
    } catch {
      return setMessage({ say: (t) => t.importBad })
    }
    if (body.format !== 'hongtu.records.v1' || !Array.isArray(body.records))
      return setMessage({ say: (t) => t.importBad })
    const added = await log.importUnsynced(body.records, member.memberId)
    setMessage({ say: (t) => (added > 0 ? t.importDone(added) : t.importNone) })
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
    </span>
  )
}
