// The Outlook pane's first view: what the open item is. For a mail, its subject, sender and whether
// Justera tagged it (the x-justera headers), then the approval it asks for; for a meeting, its subject
// and start, then the minutes sent for approval for it, if any. The approval part (Graph, the document
// view) is a lazy chunk, so the pane's first script stays small.

import { Body1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AppConfig } from '../../config/config';
import type { MailboxHost, MailboxItem } from '../../host/host';
import { OutsideText } from '../components/OutsideText';
import { useI18n } from '../i18n';
import { readJusteraTag, type JusteraTag } from './justeraTag';
import type { ApprovalSource } from './PaneApproval';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
});

const PaneApproval = lazy(() => import(/* webpackChunkName: "approval" */ './PaneApproval'));

function Approval(props: { config: AppConfig; host: MailboxHost; source: ApprovalSource }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('approval.loading')} />}>
      <PaneApproval {...props} />
    </Suspense>
  );
}

type TagState = { phase: 'reading' } | { phase: 'read'; tag: JusteraTag | undefined } | { phase: 'failed' };

function MessageTag({ host, config, from }: { host: MailboxHost; config: AppConfig; from?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<TagState>({ phase: 'reading' });
  useEffect(() => {
    let live = true;
    host.getInternetHeaders().then(
      (headers) => live && setState({ phase: 'read', tag: readJusteraTag(headers) }),
      () => live && setState({ phase: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [host]);
  const tag = state.phase === 'read' ? state.tag : undefined;
  const source = useMemo<ApprovalSource | undefined>(() => (tag ? { kind: 'mail', tag, from } : undefined), [tag, from]);
  if (state.phase === 'reading') return <Spinner size="tiny" label={t('pane.tag.reading')} />;
  if (state.phase === 'failed') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('pane.tag.failed')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state.tag) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('pane.tag.none')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Body1>{t('pane.tag.found')}</Body1>
      {source && <Approval config={config} host={host} source={source} />}
    </>
  );
}

function ItemSummary({ item, host, config }: { item: MailboxItem; host: MailboxHost; config: AppConfig }) {
  const { t, tx, date, time } = useI18n();
  const styles = useStyles();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const heading = item.kind === 'message' ? t('pane.message.heading') : t('pane.appointment.heading');
  const meeting = useMemo<ApprovalSource | undefined>(() => (item.kind === 'appointment' && item.id ? { kind: 'meeting', eventId: item.id } : undefined), [item]);
  return (
    <section className={styles.item} aria-label={heading}>
      <Subtitle2 as="h2">{heading}</Subtitle2>
      <Body1 as="p" className={styles.item}>
        <OutsideText text={item.subject || t('pane.noSubject')} />
      </Body1>
      {item.kind === 'message' && item.from && <Body1 as="p">{tx('pane.message.from', { sender: <OutsideText text={item.from.name} /> })}</Body1>}
      {item.kind === 'message' && <MessageTag host={host} config={config} from={item.from?.address} />}
      {item.kind === 'appointment' && item.start && <Body1 as="p">{tx('pane.appointment.start', { date: date(item.start, zone), time: time(item.start, zone) })}</Body1>}
      {meeting && <Approval config={config} host={host} source={meeting} />}
    </section>
  );
}

export function PaneApp({ host, config }: { host: MailboxHost; config: AppConfig }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.pane}>
      <Title3 as="h1">{t('appName')}</Title3>
      {host.item ? <ItemSummary item={host.item} host={host} config={config} /> : <Body1 as="p">{t('pane.noItem')}</Body1>}
    </div>
  );
}

/**
 * The pane opened outside Outlook with no approval link (or another Office app): where to go instead.
 * With the mail's link, index.tsx shows BrowserApproval; a link cut short says so here.
 */
export function OutsideOutlook({ incompleteLink = false }: { incompleteLink?: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.pane}>
      <Title3 as="h1">{t('appName')}</Title3>
      {incompleteLink && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('browser.link.invalid')}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('pane.outside')}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
