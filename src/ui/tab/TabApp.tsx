// The Teams tab: inside a meeting it opens that meeting; elsewhere its start page has two tabs, "My
// meetings" and "The year" (the group's year in a channel tab; a group to pick in the personal tab).
// Services (Graph client, token provider) and the year view arrive as lazy chunks.

import { Button, makeStyles, Spinner, ToggleButton, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { MeetingRef } from '../../app/prefill';
import type { Services } from '../../app/services';
import type { AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import { parseMeetingTarget } from '../../domain/meetingLink';
import type { Host } from '../../host/host';
import { SurfaceBoundary } from '../components/Boundaries';
import { MeetingPage } from '../components/MeetingPage';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';
import { MyMeetingsPage } from './MyMeetingsPage';
import { TabConfigPage } from './TabConfigPage';

const useStyles = makeStyles({
  back: { marginBottom: tokens.spacingVerticalM },
  views: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
});

// The year view is its own chunk: the start page's first paint does not wait for it.
const YearTab = lazy(() => import(/* webpackChunkName: "year" */ '../components/year/YearTab'));

type StartTab = 'meetings' | 'year';

function refFromHash(): MeetingRef | undefined {
  const id = new URLSearchParams(location.hash.slice(1)).get('meeting');
  return id ? { kind: 'event', eventId: id } : undefined;
}

/** A meeting opened from "My meetings" (the hash), else the one a link into the tab names. */
function initialRef(host: Host): MeetingRef | undefined {
  const linked = parseMeetingTarget(host.context.subPageId);
  return refFromHash() ?? (linked && { kind: 'link', ...linked });
}

const refKey = (ref: MeetingRef) => (ref.kind === 'event' ? ref.eventId : ref.kind === 'link' ? `${ref.iCalUId}|${ref.start}` : ref.joinUrl);

export function TabApp({ config, host }: { config: AppConfig; host: Host }) {
  return host.context.frame === 'settings' ? <TabConfigPage config={config} host={host} /> : <MinutesApp config={config} host={host} />;
}

function MinutesApp({ config, host }: { config: AppConfig; host: Host }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [services, setServices] = useState<Services | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [ref, setRef] = useState<MeetingRef | undefined>(() => initialRef(host));
  const [startTab, setStartTab] = useState<StartTab>('meetings');
  // Once opened, the year stays mounted (hidden) so going back to it does not read the folder again.
  const [yearOpened, setYearOpened] = useState(false);

  const start = useCallback(async () => {
    setProblem(undefined);
    try {
      const { createServices } = await import(/* webpackChunkName: "services" */ '../../app/services');
      const created = await createServices(config, host);
      if (host.context.inMeeting) {
        const details = await host.getMeetingDetails();
        if (details) setRef({ kind: 'meeting', joinUrl: details.joinUrl, start: details.start, end: details.end });
      }
      setServices(created);
    } catch (e) {
      setProblem(toProblem(e));
    }
  }, [config, host]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    const onHash = () => setRef(refFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A channel tab knows its group: the minutes of meetings opened here live in this channel.
  const { team, channel } = host.context;
  // Graph names a team by its Microsoft 365 group id (Teams' groupId), not its internal thread id.
  const group = useMemo(() => (team?.groupId && channel?.id ? { teamId: team.groupId, channelId: channel.id } : undefined), [team?.groupId, channel?.id]);

  // Back from a linked meeting leaves the link behind: "My meetings" shows, as after any other meeting.
  const goBack = () => (location.hash ? (location.hash = '') : setRef(undefined));

  if (problem) return <ProblemMessage problem={problem} onRetry={() => void start()} />;
  if (!services) return <Spinner label={t('loadingApp')} labelPosition="below" />;
  if (ref) {
    return (
      <>
        {ref.kind !== 'meeting' && (
          <Button className={styles.back} appearance="subtle" icon={<ArrowLeft20Regular />} onClick={goBack}>
            {t('back')}
          </Button>
        )}
        <SurfaceBoundary resetKeys={[ref]}>
          <MeetingPage key={refKey(ref)} services={services} meetingRef={ref} group={group} />
        </SurfaceBoundary>
      </>
    );
  }
  return (
    <>
      {/* Two pressed-or-not buttons rather than Fluent's TabList, which would add some 25 KB gzip to the tab's first load. */}
      <div role="group" aria-label={t('year.tabs.label')} className={styles.views}>
        {(['meetings', 'year'] as const).map((view) => (
          <ToggleButton
            key={view}
            checked={startTab === view}
            appearance={startTab === view ? 'primary' : 'subtle'}
            onClick={() => {
              setStartTab(view);
              if (view === 'year') setYearOpened(true);
            }}
          >
            {t(view === 'year' ? 'year.tabs.year' : 'year.tabs.meetings')}
          </ToggleButton>
        ))}
      </div>
      <div hidden={startTab !== 'meetings'}>
        <SurfaceBoundary>
          <MyMeetingsPage services={services} onOpen={(m) => (location.hash = `meeting=${encodeURIComponent(m.eventId)}`)} />
        </SurfaceBoundary>
      </div>
      {yearOpened && (
        <div hidden={startTab !== 'year'}>
          <SurfaceBoundary resetKeys={[group]}>
            <Suspense fallback={<Spinner label={t('year.loading')} labelPosition="below" />}>
              <YearTab services={services} group={group} />
            </Suspense>
          </SurfaceBoundary>
        </div>
      )}
    </>
  );
}
