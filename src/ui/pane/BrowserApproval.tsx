// The pane's page opened in a plain browser from the approval mail's link (Outlook for Mac, a phone):
// `pane.html?minutes=<driveId>/<folderId>&version=<hash>`. The person signs in (auth/
// browserTokenProvider.ts: msal in a real tenant, the emulator's page in the demo), then sees the
// approval, which `approval` renders with the session's tokens: the one spot where the approval view
// is wired in (index.tsx).

import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Title3, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { CANCELLED, type BrowserSession, type BrowserSignIn } from '../../auth/browserTokenProvider';
import { addressOfMinutesId, isVersion } from '../../app/signOffStore';
import type { AppConfig } from '../../config/config';
import { Problem, toProblem } from '../../domain/problems';
import { OutsideText } from '../components/OutsideText';
import { useI18n } from '../i18n';
import type { MailTag } from '../../app/mailTag';

/** What the mail's link names: the minutes and the version (no mail headers to read in a browser). */
export type ApprovalLink = Pick<MailTag, 'minutesId' | 'version'>;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem', padding: tokens.spacingHorizontalL },
  signIn: { alignSelf: 'flex-start' },
});

/** What the approval view gets: who signed in, with their tokens, and the version the link asks for. */
export interface ApprovalProps {
  session: BrowserSession;
  request: ApprovalLink;
}

type State =
  | { phase: 'checking' }
  | { phase: 'signed-out'; problem?: Problem }
  | { phase: 'leaving' }
  | { phase: 'signed-in'; session: BrowserSession };

/** The version as a person can compare it with the mail: its first 12 hex digits, as the answer files name it. */
export const shortVersion = (version: string) => version.slice(0, 12);

function SignInProblem({ problem }: { problem: Problem }) {
  const { t } = useI18n();
  const message = problem.code === CANCELLED ? t('browser.signIn.cancelled') : problem.kind === 'signed-out' ? t('browser.signIn.expired') : t('browser.signIn.failed');
  return (
    <MessageBar intent={problem.code === CANCELLED ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

export function BrowserApproval({ config, request, signIn, approval }: { config: AppConfig; request: ApprovalLink; signIn: (config: AppConfig) => Promise<BrowserSignIn>; approval: (props: ApprovalProps) => ReactNode }) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<State>({ phase: 'checking' });
  const [way, setWay] = useState<BrowserSignIn>();

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const w = await signIn(config);
        if (!live) return;
        setWay(w);
        const session = await w.resume();
        if (live) setState(session ? { phase: 'signed-in', session } : { phase: 'signed-out' });
      } catch (e) {
        if (live) setState({ phase: 'signed-out', problem: toProblem(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [config, signIn]);

  const start = useCallback(async () => {
    if (!way) return;
    setState({ phase: 'leaving' });
    try {
      await way.signIn();
    } catch (e) {
      setState({ phase: 'signed-out', problem: toProblem(e) });
    }
  }, [way]);

  return (
    <main className={styles.page}>
      <Title3 as="h1">{t('appName')}</Title3>
      {state.phase === 'checking' && <Spinner label={t('browser.signIn.checking')} labelPosition="below" />}
      {state.phase === 'leaving' && <Spinner label={t('browser.signIn.leaving')} labelPosition="below" />}
      {state.phase === 'signed-out' && (
        <section className={styles.page} aria-label={t('browser.signIn.heading')}>
          <Title3 as="h2">{t('browser.signIn.heading')}</Title3>
          {state.problem && <SignInProblem problem={state.problem} />}
          <Body1 as="p">{tx('browser.signIn.intro', { version: <OutsideText text={shortVersion(request.version)} /> })}</Body1>
          <Button appearance="primary" className={styles.signIn} disabled={!way} onClick={start}>
            {t('browser.signIn.button')}
          </Button>
        </section>
      )}
      {state.phase === 'signed-in' && (
        <>
          <Body1 as="p">{tx('browser.signedInAs', { name: <OutsideText text={state.session.account.name || state.session.account.username || '?'} /> })}</Body1>
          {approval({ session: state.session, request })}
        </>
      )}
    </main>
  );
}

/**
 * Back from the sign-in on the registered redirect URI itself (https://<host>/pane.html, without the
 * link's ?minutes=...&version=...): msal takes the answer and goes on to the address sign-in started
 * from (navigateToLoginRequestUrl), where BrowserApproval finds the person signed in. Should nothing
 * move on, `otherwise` is shown.
 */
export function ReturnFromSignIn({ config, signIn, otherwise }: { config: AppConfig; signIn: (config: AppConfig) => Promise<BrowserSignIn>; otherwise: ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ phase: 'checking' } | { phase: 'stayed' } | { phase: 'failed'; problem: Problem }>({ phase: 'checking' });
  useEffect(() => {
    let live = true;
    signIn(config)
      .then((w) => w.resume())
      .then(
        () => live && setState({ phase: 'stayed' }),
        (e: unknown) => live && setState({ phase: 'failed', problem: toProblem(e) }),
      );
    return () => {
      live = false;
    };
  }, [config, signIn]);
  if (state.phase === 'checking') return <Spinner label={t('browser.signIn.checking')} labelPosition="below" />;
  return (
    <>
      {state.phase === 'failed' && <SignInProblem problem={state.problem} />}
      {otherwise}
    </>
  );
}

const LinkApprovalChunk = lazy(() => import(/* webpackChunkName: "approval" */ './LinkApproval'));

/** The approval view for the signed-in person, loaded with the Graph client when it is needed. */
export function LinkApproval(props: ApprovalProps & { config: AppConfig }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('approval.loading')} />}>
      <LinkApprovalChunk {...props} />
    </Suspense>
  );
}

/**
 * The approval the page's address asks for (the mail's link): undefined without either parameter,
 * 'incomplete' when one is missing or not of its form (a link cut off in a mail client, say).
 */
export function readApprovalLink(search: string): ApprovalLink | 'incomplete' | undefined {
  const params = new URLSearchParams(search);
  const minutesId = params.get('minutes');
  const version = params.get('version');
  if (minutesId === null && version === null) return undefined;
  if (!minutesId || !version || !addressOfMinutesId(minutesId) || !isVersion(version)) return 'incomplete';
  return { minutesId, version };
}
