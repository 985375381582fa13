/**
 * Structured logs, one JSON object per line. Fields are chosen by the caller and must never
 * carry coordinates, QR tokens, cookies, passwords or query strings (notes/reliability.md P24):
 * request logs record the path only. Tests pass their own Logger to capture and inspect lines.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>
export type Logger = (event: string, fields?: LogFields) => void

export const consoleLogger: Logger = (event, fields = {}) => {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`)
}

export const silentLogger: Logger = () => {}
