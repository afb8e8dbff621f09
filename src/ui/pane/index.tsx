// Entry of the Outlook add-in pane: read the configuration, load office.js from where it says (only
// this page loads office.js), wait for Office.onReady, and render in Outlook's language. Opened
// outside Outlook with the approval mail's link (?minutes=...&version=..., what a Mac or phone user
// follows), the person signs in and approves in the browser (BrowserApproval); without it, the page
// says where to go. office.js gives no theme on the
// web (officeTheme is undefined there), so the pane follows the system's light, dark or forced colours.

import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browserSignIn, takeSignInAnswer, type BrowserSignIn } from '../../auth/browserTokenProvider';
import { loadConfig, type AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { MailboxHost, Theme } from '../../host/host';
import { connectOutlook } from '../../host/outlookHost';
import { ProblemMessage } from '../components/ProblemMessage';
import { languageFor, translator, useI18n } from '../i18n';
import { Shell } from '../tab/Shell';
import { BrowserApproval, readApprovalLink, LinkApproval, ReturnFromSignIn } from './BrowserApproval';
import { OutsideOutlook, PaneApp } from './PaneApp';

// Before office.js loads (it disables history.replaceState): a sign-in's answer out of the address.
const signInAnswer = takeSignInAnswer();
const signIn = (config: AppConfig): Promise<BrowserSignIn> => browserSignIn(config, signInAnswer);

type Boot =
  | { phase: 'starting' }
  | { phase: 'failed'; problem: Problem }
  | { phase: 'outside'; config: AppConfig; link: ReturnType<typeof readApprovalLink> }
  | { phase: 'ready'; host: MailboxHost; config: AppConfig };

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
          setBoot({ phase: 'outside', config, link: readApprovalLink(location.search) });
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
      {boot.phase === 'outside' &&
        (typeof boot.link === 'object' ? (
          <BrowserApproval config={boot.config} request={boot.link} signIn={signIn} approval={(props) => <LinkApproval config={boot.config} {...props} />} />
        ) : signInAnswer !== undefined ? (
          <ReturnFromSignIn config={boot.config} signIn={signIn} otherwise={<OutsideOutlook />} />
        ) : (
          <OutsideOutlook incompleteLink={boot.link === 'incomplete'} />
        ))}
      {boot.phase === 'ready' && <PaneApp host={boot.host} config={boot.config} />}
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(<Root />);
