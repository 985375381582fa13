import { cameraErrorKind } from './camera-errors.ts'
import { decodeImageBlob, decodeVideoFrame } from './decode.ts'
import { CameraError, type QrCameraSession, type QrScannerPort } from './port.ts'

/** Pause between two decoded frames, ms: about 6 reads a second keeps a phone cool and still feels instant. */
export const FRAME_INTERVAL_MS = 160

/** The rear camera at a resolution QR reading needs, no audio. */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
}

async function openRearCamera(): Promise<MediaStream> {
  // Absent on pages not served over HTTPS (or localhost) and in old browsers.
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported')
  try {
    return await navigator.mediaDevices.getUserMedia(CONSTRAINTS)
  } catch (e) {
    throw new CameraError(cameraErrorKind(e), e)
  }
}

const stopTracks = (stream: MediaStream) => {
  for (const track of stream.getTracks()) track.stop()
}

/** The real adapter: getUserMedia + BarcodeDetector or jsQR (decode.ts). */
export const browserQrScanner: QrScannerPort = {
  async startCamera(video, onText, signal): Promise<QrCameraSession> {
    const stream = await openRearCamera()
    if (signal.aborted) {
      stopTracks(stream)
      throw new DOMException('camera start aborted', 'AbortError')
    }
    video.muted = true
    video.playsInline = true
    video.srcObject = stream
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      stopped = true
      clearTimeout(timer)
      stopTracks(stream)
      video.srcObject = null
    }
    signal.addEventListener('abort', stop, { once: true })
    try {
      await video.play()
    } catch (e) {
      stop()
      throw new CameraError('no-camera', e)
    }
    const tick = async () => {
      if (stopped) return
      let text: string | null = null
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0)
        text = await decodeVideoFrame(video).catch(() => null)
      if (stopped) return
      if (text) onText(text)
      else timer = setTimeout(tick, FRAME_INTERVAL_MS)
    }
    void tick()
    return { stop }
  },
  decodeImage: decodeImageBlob,
}
