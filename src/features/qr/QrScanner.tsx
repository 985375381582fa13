import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react'
import { browserQrScanner } from '../../platform/camera/browser-scanner.ts'
import {
  CameraError,
  type CameraErrorKind,
  type QrCameraSession,
  type QrScannerPort,
} from '../../platform/camera/port.ts'
import { useQrStrings } from './strings.ts'
import './qr.css'

/**
 * Reads a QR code with the camera, or from a photo chosen from the album (which also works
 * where the camera does not: an insecure page, a refused permission, a desktop). Calls
 * `onText` with the text of the first code read; what the text means is the caller's business.
 * The camera starts only when the member asks, and is off again after a read, on "stop" and
 * when the component unmounts.
 */

type CameraState =
  | { readonly status: 'off' }
  | { readonly status: 'starting' }
  | { readonly status: 'scanning' }
  | { readonly status: 'error'; readonly kind: CameraErrorKind }

type FileState = 'idle' | 'decoding' | 'no-code'

export function QrScanner({
  onText,
  port = browserQrScanner,
}: {
  onText: (text: string) => void
  /** The camera adapter; tests and demos pass their own. */
  port?: QrScannerPort
}) {
  const s = useQrStrings().scanner
  const video = useRef<HTMLVideoElement>(null)
  const session = useRef<{ abort: AbortController; camera?: QrCameraSession } | null>(null)
  const [camera, setCamera] = useState<CameraState>({ status: 'off' })
  const [file, setFile] = useState<FileState>('idle')
  // The latest onText, so a parent re-rendering with a new function does not restart anything.
  const onTextRef = useRef(onText)
  useEffect(() => {
    onTextRef.current = onText
  })

  const stopCamera = useCallback(() => {
    session.current?.abort.abort()
    session.current?.camera?.stop()
    session.current = null
  }, [])

  useEffect(() => stopCamera, [stopCamera])

  const startCamera = async () => {
    const element = video.current
    if (!element || session.current) return
    const current = { abort: new AbortController() } as { abort: AbortController; camera?: QrCameraSession }
    session.current = current
    setCamera({ status: 'starting' })
    setFile('idle')
    try {
      current.camera = await port.startCamera(
        element,
        (text) => {
          stopCamera()
          setCamera({ status: 'off' })
          onTextRef.current(text)
        },
        current.abort.signal,
      )
      if (session.current === current) setCamera({ status: 'scanning' })
    } catch (e) {
      if (session.current !== current) return
      session.current = null
      setCamera({ status: 'error', kind: e instanceof CameraError ? e.kind : 'unsupported' })
    }
  }

  const stop = () => {
    stopCamera()
    setCamera({ status: 'off' })
  }

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const chosen = input.files?.[0]
    if (!chosen) return
    stop()
    setFile('decoding')
    const text = await port.decodeImage(chosen).catch(() => null)
    // Cleared so that choosing the same photo again fires a change.
    input.value = ''
    setFile(text ? 'idle' : 'no-code')
    if (text) onTextRef.current(text)
  }

  const live = camera.status === 'starting' || camera.status === 'scanning'
  return (
    <section className="qr-scanner" aria-label={s.label}>
      <div className="qr-viewfinder" hidden={!live}>
        <video ref={video} muted playsInline aria-label={s.video} />
      </div>
      {camera.status === 'starting' && <p role="status">{s.starting}</p>}
      {camera.status === 'scanning' && <p role="status">{s.aim}</p>}
      {camera.status === 'error' && (
        <p className="qr-problem" role="alert">
          {s[camera.kind]}
        </p>
      )}
      <div className="qr-scanner-actions">
        {live ? (
          <button type="button" onClick={stop}>
            {s.stop}
          </button>
        ) : (
          <button type="button" className="qr-primary" onClick={() => void startCamera()}>
            {s.start}
          </button>
        )}
        <label className="qr-file">
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            onChange={(e) => void onFile(e)}
            disabled={file === 'decoding'}
          />
          <span>{s.fromFile}</span>
        </label>
      </div>
      {file === 'decoding' && <p role="status">{s.decodingFile}</p>}
      {file === 'no-code' && (
        <p className="qr-problem" role="alert">
          {s.fileNoCode}
        </p>
      )}
    </section>
  )
}
