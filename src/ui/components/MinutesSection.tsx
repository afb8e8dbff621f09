// The minutes below the header and attendance: opened from the group's channel folder (or made
// there), edited with the minutes editor (loaded only now, in its own chunk), saved by MinutesSync
// with its status always in view. Where Justera does not know the meeting's group yet, it says
// where the minutes can be written instead of showing an editor that saves nowhere.

import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import type { MinutesGroup, OpenedMinutes } from '../../app/openMinutes';
import type { Prefill } from '../../app/prefill';
import type { Services } from '../../app/services';
import type { PersonRef } from '../../domain/minutes';
import { personKey } from '../../domain/people';
import { toProblem, type Problem } from '../../domain/problems';
import { templateFor } from '../../domain/templates';
import { useI18n } from '../i18n';
import { ProblemMessage } from './ProblemMessage';

const MinutesEditor = lazy(() => import(/* webpackChunkName: "minutes-editor" */ './minutes/MinutesEditor'));

type State = { phase: 'opening' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; opened: OpenedMinutes };

function EditorFor({ opened, services, people }: { opened: OpenedMinutes; services: Services; people: PersonRef[] }) {
  const { t } = useI18n();
  const { sync } = opened;
  const minutes = useSyncExternalStore(
    (l) => sync.subscribe(l),
    () => sync.minutes,
  );
  const status = useSyncExternalStore(
    (l) => sync.subscribe(l),
    () => sync.saveStatus,
  );
  // Whatever is pending goes out when the tab is hidden or closed; the device holds it meanwhile.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void sync.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void sync.flush().finally(() => sync.close());
    };
  }, [sync]);
  return (
    <Suspense fallback={<Spinner label={t('minutesPage.loadingEditor')} labelPosition="below" />}>
      <MinutesEditor
        minutes={minutes}
        template={templateFor(minutes.templateId, [], minutes.language)}
        status={status}
        notKeptOnDevice={sync.notKeptOnDevice !== undefined}
        people={people}
        update={(change) => sync.update(change)}
        newId={services.newId}
        onSaveNow={() => void sync.flush()}
      />
    </Suspense>
  );
}

export function MinutesSection({ services, prefill, group, onOpened }: { services: Services; prefill: Prefill; group?: MinutesGroup; onOpened: (opened: OpenedMinutes) => void }) {
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!group) return;
    let live = true;
    setState({ phase: 'opening' });
    services.openMinutes(group, { prefill, language }).then(
      (opened) => {
        if (!live) return opened.sync.close();
        setState({ phase: 'ready', opened });
        onOpened(opened);
      },
      (e: unknown) => live && setState({ phase: 'failed', problem: toProblem(e) }),
    );
    return () => {
      live = false;
    };
    // Opened once per meeting and group (and on "try again"); later prefills do not reopen the file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, group?.teamId, group?.channelId, prefill.meeting.eventId, attempt]);

  if (!group) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('minutesPage.noGroup')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.phase === 'opening') return <Spinner label={t('minutesPage.opening')} labelPosition="below" aria-live="polite" />;
  if (state.phase === 'failed') {
    const unreadable = state.problem.code?.startsWith('minutes-');
    return (
      <>
        {unreadable && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{t(state.problem.code === 'minutes-newer-version' ? 'minutesPage.newerVersion' : 'minutesPage.unreadable')}</MessageBarBody>
          </MessageBar>
        )}
        <ProblemMessage problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />
      </>
    );
  }
  const people = prefill.attendance.entries.map((e) => ({ key: personKey(e.person), displayName: e.person.displayName, email: e.person.email, organisation: e.person.organisation }));
  return <EditorFor opened={state.opened} services={services} people={people} />;
}
