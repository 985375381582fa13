/**
 * The camera/QR port (STYLE.md 7): screens scan through this, so a test or a demo can supply
 * its own adapter. The real one is browser-scanner.ts.
 */

/** denied: the member or the browser refused the camera; no-camera: none there or it is busy; unsupported: no camera API here (old browser, or a page not served over HTTPS). */
export type CameraErrorKind = 'denied' | 'no-camera' | 'unsupported'

export class CameraError extends Error {
  override readonly name = 'CameraError'
  constructor(
    readonly kind: CameraErrorKind,
    cause?: unknown,
  ) {
    super(`camera: ${kind}`, { cause })
  }
}

export interface QrCameraSession {
  /** Stops scanning and turns the camera off (every track stopped). Safe to call twice. */
  stop(): void
}

export interface QrScannerPort {
  /**
   * Turns on the rear camera into `video` and scans its frames; calls `onText` once, with the
   * first code read, and then scans no more (the caller stops the session). Rejects with a
   * CameraError, or with an AbortError when `signal` aborted while the camera was starting, in
   * which case the camera has already been turned off again.
   */
  startCamera(
    video: HTMLVideoElement,
    onText: (text: string) => void,
    signal: AbortSignal,
  ): Promise<QrCameraSession>
  /** Reads a QR code in a photo; null when there is none it can read. */
  decodeImage(image: Blob): Promise<string | null>
}
