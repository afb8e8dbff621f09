// Entry of the Teams tab: read the configuration, connect to Teams, render in the host's theme and
// language, tell Teams the app loaded, and follow theme changes. When the host stays silent for a few
// seconds (a page that is not Teams framed the tab), say where Justera runs while still waiting.

import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { Host, Theme } from '../../host/host';
import { connectTeams } from '../../host/teamsHost';
import { ProblemMessage } from '../components/ProblemMessage';
import { languageFor, translator, useI18n } from '../i18n';
import { Shell } from './Shell';
import { TabApp } from './TabApp';

type Boot = { phase: 'starting' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; config: AppConfig; host: Host };

const useBootStyles = makeStyles({
  boot: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The host has not answered in a few seconds: what that means, and (while waiting) that Justera still listens. */
function HostSilentMessage({ waiting }: { waiting: boolean }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" role="status" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{t('boot.hostSilent.title')}</MessageBarTitle>
        {t('boot.hostSilent.body')}
        {waiting && ` ${t('boot.hostSilent.waiting')}`}
      </MessageBarBody>
    </MessageBar>
  );
}

function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'starting' });
  const [theme, setTheme] = useState<Theme>('light');
  const [hostSilent, setHostSilent] = useState(false);
  const styles = useBootStyles();

  useEffect(() => {
    (async () => {
      try {
        const config = await loadConfig();
        const host = await connectTeams(config.hostOrigins, { onSlow: () => setHostSilent(true) });
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
    <Shell theme={theme} language={language} locale={boot.phase === 'ready' ? boot.host.context.locale : navigator.language}>
      {boot.phase !== 'ready' && (
        <div className={styles.boot}>
          {hostSilent && (boot.phase === 'starting' || boot.problem.kind === 'host') && <HostSilentMessage waiting={boot.phase === 'starting'} />}
          {boot.phase === 'starting' && <Spinner label={translator(language).t('loadingApp')} labelPosition="below" />}
          {boot.phase === 'failed' && <ProblemMessage problem={boot.problem} onRetry={() => location.reload()} />}
        </div>
      )}
      {boot.phase === 'ready' && <TabApp config={boot.config} host={boot.host} />}
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(<Root />);
