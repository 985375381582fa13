import { useState } from 'react'
import { extractAttestToken } from '../../domain/attest/scanned.ts'
import { extractSiteToken } from '../../domain/qr/scanned.ts'
import { useStrings } from '../../i18n/i18n.tsx'
import { navigate, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { QrRefusalMessage } from './QrRefusal.tsx'
import { QrScanner } from './QrScanner.tsx'
import { useQrStrings } from './strings.ts'
import './qr.css'

/**
 * `/scan`: the in-app scanner. A site code (a bare token or a `/q/<token>` link on any host)
 * continues on the link screen, exactly as if the phone's camera app had opened the link; so
 * does a trainer's presence code (`HA1.…` or an `/a/<token>` link), marked as scanned in the app.
 */
export default function ScanScreen() {
  const s = useQrStrings()
  const t = useStrings()
  const heading = useScreenTitle(`${s.title} · ${t.appName}`)
  const [notACode, setNotACode] = useState(false)

  const onText = (text: string) => {
    const token = extractSiteToken(text)
    const attest = token ? undefined : extractAttestToken(text)
    setNotACode(!token && !attest)
    if (token) navigate(paths.qr(token))
    else if (attest) navigate(`${paths.attestLink(attest)}?via=scan`)
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.title}
      </h1>
      <p className="lead">{s.scanIntro}</p>
      {notACode && <QrRefusalMessage refusal={{ ok: false, reason: 'not-a-token' }} />}
      <QrScanner onText={onText} />
    </>
  )
}
