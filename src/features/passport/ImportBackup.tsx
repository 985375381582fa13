import { useState } from 'react'
import { useRecords } from '../shell/records-context.tsx'
import { usePassportStrings } from './strings.ts'

/** Imports an export of unsynced records (P8/row 17): ids are kept, so a second import adds nothing. */
export function ImportBackup() {
  const ps = usePassportStrings()
  const { log, member } = useRecords()
  const [message, setMessage] = useState<string | null>(null)
  if (!log || !member) return null
  const onFile = async (file: File) => {
    let body: { format?: unknown; records?: unknown }
    try {
      body = JSON.parse(await file.text()) as typeof body
    } catch {
      return setMessage(ps.importBad)
    }
    if (body.format !== 'hongtu.records.v1' || !Array.isArray(body.records)) return setMessage(ps.importBad)
    const added = await log.importUnsynced(body.records, member.memberId)
    setMessage(added > 0 ? ps.importDone(added) : ps.importNone)
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
      {message && <span role="status"> {message}</span>}
    </span>
  )
}
