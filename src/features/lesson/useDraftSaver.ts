import { useEffect, useState } from 'react'
import type { RecordLog } from '../../platform/storage/record-log.ts'
import { DraftSaver, type DraftStatus } from './draft-saver.ts'

/**
 * A DraftSaver bound to one draft key of the member, flushed when the page is hidden or torn
 * down (visibilitychange, pagehide: the last moments a mobile browser reliably gives before a
 * kill) and when the screen unmounts.
 */
export function useDraftSaver<T>(
  log: RecordLog,
  memberId: string,
  key: string,
  debounceMs: number,
): { readonly saver: DraftSaver<T>; readonly status: DraftStatus } {
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' })
  const [saver] = useState(
    () =>
      new DraftSaver<T>(
        (value) => (value === null ? log.deleteDraft(memberId, key) : log.saveDraft(memberId, key, value)),
        setStatus,
        debounceMs,
      ),
  )
  useEffect(() => {
    const flush = () => {
      if (saver.dirty) void saver.flush()
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', flush)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', flush)
      saver.dispose()
    }
  }, [saver])
  return { saver, status }
}
