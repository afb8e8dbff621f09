// Entry of the Outlook add-in pane: read the configuration, load office.js from where it says (only
// this page loads office.js), wait for Office.onReady, and render in Outlook's language. Opened
// outside Outlook (the link a Mac or phone user follows), it says so. office.js gives no theme on the
// web (officeTheme is undefined there), so the pane follows the system's light, dark or forced colours.

import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { MailboxHost, Theme } from '../../host/host';
import { connectOutlook } from '../../host/outlookHost';
import { ProblemMessage } from '../components/ProblemMessage';
import { languageFor, translator, useI18n } from '../i18n';
import { Shell } from '../tab/Shell';
import { OutsideOutlook, PaneApp } from './PaneApp';

type Boot = { phase: 'starting' } | { phase: 'failed'; problem: Problem } | { phase: 'outside' } | { phase: 'ready'; host: MailboxHost; config: AppConfig };

function systemTheme(): Theme {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function PaneProblem({ problem }: { problem: Problem }) {
  const { t } = useI18n();
  // The shared messages speak of Teams; in the pane the host is Outlook.
  if (problem.kind !== 'host') return <ProblemMessage problem={problem} onRetry={() => location.reload()} />;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{t('pane.problem.host')}</MessageBarBody>
    </MessageBar>
  );
}

function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'starting' });
  useEffect(() => {
    (async () => {
      try {
        const config = await loadConfig();
        const connection = await connectOutlook(config);
        if (!connection.inOutlook) {
          setBoot({ phase: 'outside' });
          return;
        }
        document.documentElement.lang = languageFor(connection.host.locale) === 'sv' ? 'sv' : 'en';
        setBoot({ phase: 'ready', host: connection.host, config });
      } catch (e) {
        setBoot({ phase: 'failed', problem: toProblem(e) });
      }
    })();
  }, []);

  const language = boot.phase === 'ready' ? languageFor(boot.host.locale) : languageFor(navigator.language);
  return (
    <Shell theme={systemTheme()} language={language}>
      {boot.phase === 'starting' && <Spinner label={translator(language).t('pane.loading')} labelPosition="below" />}
      {boot.phase === 'failed' && <PaneProblem problem={boot.problem} />}
      {boot.phase === 'outside' && <OutsideOutlook />}
      {boot.phase === 'ready' && <PaneApp host={boot.host} config={boot.config} />}
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(<Root />);
