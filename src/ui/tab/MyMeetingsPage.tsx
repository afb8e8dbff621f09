// The personal tab's start: the secretary's meetings from the calendar.

import { Spinner, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Services } from '../../app/services';
import type { MeetingListItem } from '../../domain/meeting';
import { toProblem, type Problem } from '../../domain/problems';
import { MeetingList } from '../components/MeetingList';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';

type State = { phase: 'loading' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; meetings: MeetingListItem[] };

export function MyMeetingsPage({ services, onOpen }: { services: Services; onOpen: (m: MeetingListItem) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const load = useCallback(() => {
    setState({ phase: 'loading' });
    services.listMeetings().then(
      (meetings) => setState({ phase: 'ready', meetings }),
      (e: unknown) => setState({ phase: 'failed', problem: toProblem(e) }),
    );
  }, [services]);
  useEffect(load, [load]);
  return (
    <>
      <Title2 as="h1">{t('myMeetings.title')}</Title2>
      <Text block>{t('myMeetings.intro')}</Text>
      {state.phase === 'loading' && <Spinner label={t('myMeetings.loading')} labelPosition="below" />}
      {state.phase === 'failed' && <ProblemMessage problem={state.problem} onRetry={load} />}
      {state.phase === 'ready' && <MeetingList meetings={state.meetings} now={new Date()} onOpen={onOpen} />}
    </>
  );
}
