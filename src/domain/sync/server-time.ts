/**
 * The server's time as a device best knows it: its own clock plus the offset (serverTime −
 * deviceTime) learnt from the last sync answer, or its own clock when it never synced. Both sides
 * of a trainer's presence code judge time this way, so a phone whose clock was set by hand still
 * agrees with the trainer's, as the server does when the records arrive (it corrects occurredAt
 * by the same offset).
 */
export function serverNowMs(offsetMs: number | null | undefined, deviceNowMs: number): number {
  return offsetMs !== null && offsetMs !== undefined && Number.isFinite(offsetMs)
    ? deviceNowMs + offsetMs
    : deviceNowMs
}
