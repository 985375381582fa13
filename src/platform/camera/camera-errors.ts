import type { CameraErrorKind } from './port.ts'

/**
 * Maps a getUserMedia failure to what the member can do about it. Names are the DOMException
 * names of the Media Capture spec: NotAllowedError (refused by the member or a policy),
 * SecurityError (insecure page), NotFoundError and OverconstrainedError (no matching camera),
 * NotReadableError and AbortError (the camera exists but could not be opened, often busy).
 */
export function cameraErrorKind(error: unknown): CameraErrorKind {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied'
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'NotReadableError':
    case 'AbortError':
    case 'DevicesNotFoundError':
      return 'no-camera'
    default:
      return 'unsupported'
  }
}
