import { useState } from 'react'
import type { Site } from '../../domain/content/pack.ts'
import { QrRefusalMessage } from '../qr/QrRefusal.tsx'
import { QrScanner } from '../qr/QrScanner.tsx'
import { type QrRefusal, verifyScannedText } from '../qr/verify-scanned.ts'
import { useContent } from '../shell/content-context.tsx'
import { navigate, paths } from '../shell/router.tsx'

/**
 * The QR fallback of a site's check-in: scan the plaque (or the trainer's code), verify it
 * offline for this site, then confirm on the QR check-in screen, which saves the record.
 */
export function QrFallback({ site }: { site: Site }) {
  const content = useContent()
  const [refusal, setRefusal] = useState<QrRefusal | null>(null)
  const onText = async (text: string) => {
    const verdict = await verifyScannedText(text, content.pack, { siteId: site.id, now: new Date() })
    if (verdict.ok) navigate(paths.qr(verdict.token))
    else setRefusal(verdict)
  }
  return (
    <>
      {refusal && <QrRefusalMessage refusal={refusal} />}
      <QrScanner onText={(text) => void onText(text)} />
    </>
  )
}
