import { useSyncExternalStore } from 'react'
import { bannerText, useGuideText } from './describe.ts'
import type { GuideLive } from './guide-live.ts'
import { isEditing } from './screen-target.ts'
import './guide.css'

/**
 * The trainer's instruction across the top of the app, for members. Large and plain: it says
 * what to do, offers the way there when the app did not go by itself (the member was typing),
 * and goes away when dismissed or replaced by the next instruction. Announced politely, so a
 * screen reader finishes what it was reading.
 */
export default function GuideBanner({ live }: { live: GuideLive }) {
  const { follower, controller } = live
  const banner = useSyncExternalStore(follower.subscribe, follower.getBanner)
  const { t, names } = useGuideText()
  if (!banner) return <div className="guide-banner-slot" role="status" aria-live="polite" />
  const { text, go } = bannerText(banner.event.command, controller.routeOf(banner.event.classId), t, names)
  const showGo = go !== null && !banner.there
  return (
    <div className="guide-banner-slot" role="status" aria-live="polite">
      <section className="guide-banner" aria-label={t.bannerLabel} data-testid="guide-banner">
        <p className="guide-banner-text">{text}</p>
        {showGo && isEditing() && <p className="guide-banner-note">{t.typingNote}</p>}
        <div className="guide-banner-actions">
          {showGo && (
            <button type="button" className="guide-banner-go" onClick={() => follower.go()}>
              {go}
            </button>
          )}
          <button type="button" onClick={() => follower.dismiss()}>
            {t.dismiss}
          </button>
        </div>
      </section>
    </div>
  )
}
