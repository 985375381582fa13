import { usePreferences } from '../../i18n/i18n.tsx'
import { AccountNavLink } from '../account/AccountNavLink.tsx'
import { AccountsNavLink } from '../admin/AccountsNavLink.tsx'
import { MyClassesNavLink } from '../classes/MyClassesNavLink.tsx'
import { CoverageNavLink } from '../trainer/CoverageNavLink.tsx'
import { TrainerNavLink } from '../trainer/TrainerNavLink.tsx'
import { useVrStrings } from '../vr/strings.ts'
import { Link, paths } from './router.tsx'
import { SyncBadge } from './SyncBadge.tsx'

export function Header() {
  const { prefs, t, update } = usePreferences()
  const vr = useVrStrings()
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <div className="brand">
        <Link to={paths.routes()}>
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span className="brand-name">{t.appName}</span>
        </Link>
        <span className="brand-tagline">{t.appTagline}</span>
      </div>
      <nav aria-label={t.mainNav}>
        <Link to={paths.routes()}>{t.navRoutes}</Link> <Link to={paths.passport()}>{t.navPassport}</Link>{' '}
        <Link to={paths.vr()}>{vr.navVr}</Link> <MyClassesNavLink /> <TrainerNavLink /> <CoverageNavLink />{' '}
        <AccountsNavLink /> <AccountNavLink />
        <SyncBadge />
      </nav>
      <fieldset className="display-settings">
        <legend className="visually-hidden">{t.settings}</legend>
        <button
          type="button"
          lang={prefs.lang === 'en' ? 'zh-CN' : 'en'}
          aria-label={t.switchToOtherLabel}
          onClick={() => update({ lang: prefs.lang === 'en' ? 'zh-CN' : 'en' })}
        >
          {t.switchToOther}
        </button>
        <button
          type="button"
          aria-pressed={prefs.largeText}
          onClick={() => update({ largeText: !prefs.largeText })}
        >
          {t.largeText}
        </button>
        <button
          type="button"
          aria-pressed={prefs.highContrast}
          onClick={() => update({ highContrast: !prefs.highContrast })}
        >
          {t.highContrast}
        </button>
      </fieldset>
    </header>
  )
}
