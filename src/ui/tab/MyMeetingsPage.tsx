// The personal tab's start: the secretary's meetings from the calendar, 30 days back and 60 ahead,
// widened either way on request without leaving the page (minutes are sometimes written months
// later). Widening fetches only the added days; what is listed stays while it loads or fails.

import { Button, makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { initialWindow, mergeMeetings, widen, type DateWindow } from '../../domain/dateWindow';
import type { Services } from '../../app/services';
import type { MeetingListItem } from '../../domain/meeting';
import { toProblem, type Problem } from '../../domain/problems';
import { MeetingList } from '../components/MeetingList';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  more: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', marginTop: tokens.spacingVerticalM },
});

type State = { phase: 'loading' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; meetings: MeetingListItem[]; window: DateWindow };
type Direction = 'earlier' | 'later';

export function MyMeetingsPage({ services, onOpen }: { services: Services; onOpen: (m: MeetingListItem) => void }) {
  const styles = useStyles();
  const { t, tx, date } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [more, setMore] = useState<{ direction: Direction; problem?: Problem } | undefined>();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const load = useCallback(() => {
    setState({ phase: 'loading' });
    const window = initialWindow(services.now());
    services.listMeetings(window).then(
      (meetings) => setState({ phase: 'ready', meetings, window }),
      (e: unknown) => setState({ phase: 'failed', problem: toProblem(e) }),
    );
  }, [services]);
  useEffect(load, [load]);

  const showMore = useCallback(
    (direction: Direction) => {
      if (state.phase !== 'ready') return;
      const added = widen(state.window, direction);
      setMore({ direction });
      services.listMeetings(added).then(
        (meetings) => {
          setState((s) =>
            s.phase === 'ready'
              ? {
                  phase: 'ready',
                  meetings: mergeMeetings(s.meetings, meetings),
                  window: { from: direction === 'earlier' ? added.from : s.window.from, to: direction === 'later' ? added.to : s.window.to },
                }
              : s,
          );
          setMore(undefined);
        },
        (e: unknown) => setMore({ direction, problem: toProblem(e) }),
      );
    },
    [services, state],
  );

  const busy = more !== undefined && !more.problem;
  /** "Show 30 days earlier/later", its progress, and what went wrong (the list stays). */
  const widenControl = (direction: Direction) => (
    <>
      <div className={styles.more}>
        <Button onClick={() => showMore(direction)} disabled={busy}>
          {t(direction === 'earlier' ? 'myMeetings.earlier' : 'myMeetings.later')}
        </Button>
        {busy && more.direction === direction && <Spinner size="tiny" label={t('myMeetings.loadingMore')} />}
      </div>
      {more?.problem && more.direction === direction && <ProblemMessage problem={more.problem} onRetry={() => showMore(direction)} />}
    </>
  );
  return (
    <>
      <Title2 as="h1">{t('myMeetings.title')}</Title2>
      {state.phase === 'ready' && (
        <Text block>
          {tx('myMeetings.intro', { from: date(state.window.from.toISOString(), zone), to: date(state.window.to.toISOString(), zone) })}
        </Text>
      )}
      {state.phase === 'loading' && <Spinner label={t('myMeetings.loading')} labelPosition="below" />}
      {state.phase === 'failed' && <ProblemMessage problem={state.problem} onRetry={load} />}
      {state.phase === 'ready' && (
        <>
          {widenControl('later')}
          <MeetingList meetings={state.meetings} now={services.now()} onOpen={onOpen} />
          {widenControl('earlier')}
        </>
      )}
    </>
  );
}
