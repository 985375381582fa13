/** Storage failures the UI can explain to the member. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError'
  constructor(cause?: unknown) {
    super('device storage is full', { cause })
  }
}

export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError'
  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(`invalid record: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  }
}

export function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22)
  )
}
