// Theme and language around every surface: Teams' light, dark and high-contrast themes, and
// Swedish or English from the host's locale.

import { FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Theme } from '../../host/host';
import { SurfaceBoundary } from '../components/Boundaries';
import { I18nProvider, type Language } from '../i18n';

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // min-width 0 and wrapping: nothing from outside may widen a 320 px side panel.
  main: { maxWidth: '60rem', minWidth: 0, marginLeft: 'auto', marginRight: 'auto', overflowWrap: 'anywhere' },
});

export function Shell({ theme, language, locale, children }: { theme: Theme; language: Language; locale?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    // The page's own layout (full height, its background) must not reach portals: Fluent copies the provider's
    // className onto each portal's mount node, which then covered the whole tab while a chart kept its tooltip mounted.
    <FluentProvider theme={themes[theme]} className={styles.root} applyStylesToPortals={false} lang={language === 'sv' ? 'sv-SE' : 'en'} data-theme={theme}>
      <I18nProvider language={language} locale={locale}>
        <main className={styles.main}>
          {/* The last line of defence: a render error anywhere shows a message, never a blank tab. */}
          <SurfaceBoundary>{children}</SurfaceBoundary>
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}
