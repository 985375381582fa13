import { useLocalizedString, usePreferences } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useContent } from '../shell/content-context.tsx'
import { formatQrDate, type QrStrings, useQrStrings } from './strings.ts'
import type { QrRefusal } from './verify-scanned.ts'

/**
 * Why a QR code was refused, in the member's language, with what to do next. Self-contained,
 * so the GPS check-in screen can show it under its QR fallback.
 */
export function QrRefusalMessage({ refusal, level = 2 }: { refusal: QrRefusal; level?: 1 | 2 }) {
  const s = useQrStrings()
  const { prefs } = usePreferences()
  const text = useLocalizedString()
  const content = useContent()
  const siteName = (id: string) => {
    const site = content.site(id)
    return site ? text(site.name) : id
  }
  return (
    <StatusMessage title={s.refusedTitle} tone="error" level={level}>
      <p data-reason={refusal.reason}>{refusalText(refusal, s, prefs.lang, siteName)}</p>
    </StatusMessage>
  )
}

function refusalText(
  refusal: QrRefusal,
  s: QrStrings,
  lang: 'zh-CN' | 'en',
  siteName: (id: string) => string,
): string {
  switch (refusal.reason) {
    case 'expired':
      return s.expired(formatQrDate(refusal.claims.exp, lang))
    case 'not-yet-valid':
      return s.notYetValid(formatQrDate(refusal.claims.nbf, lang))
    case 'wrong-site':
      return s.wrongSite(siteName(refusal.claims.site))
    default:
      return s.refusal[refusal.reason]
  }
}
