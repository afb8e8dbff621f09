// Entry of the Teams tab: read the configuration, connect to Teams, render in the host's theme and
// language, tell Teams the app loaded, and follow theme changes.

import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { Host, Theme } from '../../host/host';
import { connectTeams } from '../../host/teamsHost';
import { ProblemMessage } from '../components/ProblemMessage';
import { languageFor, translator } from '../i18n';
import { Shell } from './Shell';
import { TabApp } from './TabApp';

type Boot = { phase: 'starting' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; config: AppConfig; host: Host };

function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'starting' });
  const [theme, setTheme] = useState<Theme>('light');

  useEffect(() => {
    (async () => {
      try {
        const config = await loadConfig();
        const host = await connectTeams(config.hostOrigins);
        setTheme(host.context.theme);
        host.onThemeChange(setTheme);
        document.documentElement.lang = languageFor(host.context.locale) === 'sv' ? 'sv' : 'en';
        setBoot({ phase: 'ready', config, host });
        host.notifySuccess();
      } catch (e) {
        setBoot({ phase: 'failed', problem: toProblem(e) });
      }
    })();
  }, []);

  const language = boot.phase === 'ready' ? languageFor(boot.host.context.locale) : languageFor(navigator.language);
  return (
    <Shell theme={theme} language={language}>
      {boot.phase === 'starting' && <Spinner label={translator(language).t('loadingApp')} labelPosition="below" />}
      {boot.phase === 'failed' && <ProblemMessage problem={boot.problem} onRetry={() => location.reload()} />}
      {boot.phase === 'ready' && <TabApp config={boot.config} host={boot.host} />}
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(<Root />);
