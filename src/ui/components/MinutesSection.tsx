// The minutes below the header and attendance: opened from the group's channel folder (or made
// there), edited with the minutes editor (loaded only now, in its own chunk), saved by MinutesSync
// with its status always in view. Where Justera does not know the meeting's group (a meeting opened
// from "My meetings" or in the meeting itself), GroupPicker finds it or asks, and the page says where
// the minutes are saved; a channel tab's group is its channel, with no search. A minutes file that
// cannot be read is said so, with "start again from the meeting", which keeps the file beside the
// new minutes; people the minutes name who have left the directory are marked where they are shown.

import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ChosenGroup } from '../../app/meetingGroup';
import type { MinutesGroup, OpenedMinutes } from '../../app/openMinutes';
import type { Prefill } from '../../app/prefill';
import type { Services } from '../../app/services';
import type { PersonRef } from '../../domain/minutes';
import { meetingKey } from '../../domain/meetingFolder';
import { personKey } from '../../domain/people';
import { toProblem, type Problem } from '../../domain/problems';
import { templateFor } from '../../domain/templates';
import { useI18n } from '../i18n';
import { GroupPicker } from './GroupPicker';
import { GoneFromDirectory } from './minutes/directoryStatus';
import { ProblemMessage } from './ProblemMessage';

const useStyles = makeStyles({
  where: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', overflowWrap: 'anywhere' },
});

const MinutesEditor = lazy(() => import(/* webpackChunkName: "minutes-editor" */ './minutes/MinutesEditor'));

type State = { phase: 'opening' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; opened: OpenedMinutes };

function EditorFor({
  opened,
  services,
  people,
  prefill,
  group,
  onLockChange,
}: {
  opened: OpenedMinutes;
  services: Services;
  people: PersonRef[];
  prefill: Prefill;
  group: MinutesGroup;
  onLockChange?: (locked: boolean) => void;
}) {
  const { t } = useI18n();
  const { sync } = opened;
  // Sign-off of these minutes: answers name the meeting by its key; the sender is whoever is signed in.
  const signOff = useMemo(() => {
    const { meeting, secretary: me } = prefill;
    const iCalUId = meeting.iCalUId ?? meeting.eventId;
    return {
      service: services.signOff(opened, group),
      meeting: { key: meetingKey(iCalUId), iCalUId: meeting.iCalUId, start: meeting.start },
      sentBy: { key: personKey(me), displayName: me.displayName, email: me.email, organisation: me.organisation },
      // A chair the minutes name who was not invited is still found: the group's default, or its roster.
      people: [...(opened.settings?.defaults.chair ? [opened.settings.defaults.chair] : []), ...(opened.settings?.roster.map((r) => r.person) ?? [])],
    };
    // The group by its ids: the object around them is made anew on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, opened, group.teamId, group.channelId, prefill]);
  const minutes = useSyncExternalStore(
    (l) => sync.subscribe(l),
    () => sync.minutes,
  );
  const status = useSyncExternalStore(
    (l) => sync.subscribe(l),
    () => sync.saveStatus,
  );
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    void opened.goneFromDirectory.then((keys) => live && setGone(keys));
    return () => {
      live = false;
    };
  }, [opened]);
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
  // One object while the prefill is the same: the document (and so the version) is rendered from it.
  const attendance = useMemo(() => ({ attendance: prefill.attendance, chairKey: prefill.chairKey, secretary: prefill.secretary }), [prefill]);
  return (
    <GoneFromDirectory.Provider value={gone}>
      <Suspense fallback={<Spinner label={t('minutesPage.loadingEditor')} labelPosition="below" />}>
        <MinutesEditor
          minutes={minutes}
          template={templateFor(minutes.templateId, opened.settings?.templates ?? [], minutes.language)}
          groupTemplates={opened.settings?.templates}
          status={status}
          notKeptOnDevice={sync.notKeptOnDevice !== undefined}
          people={people}
          searchPeople={services.searchPeople}
          update={(change) => sync.update(change)}
          newId={services.newId}
          onSaveNow={() => void sync.flush()}
          attendance={attendance}
          signOff={signOff}
          onLockChange={onLockChange}
          followUpStatus={services.followUpStatus}
        />
      </Suspense>
    </GoneFromDirectory.Provider>
  );
}

export function MinutesSection({
  services,
  prefill,
  group,
  onOpened,
  onLockChange,
}: {
  services: Services;
  prefill: Prefill;
  group?: MinutesGroup;
  onOpened: (opened: OpenedMinutes) => void;
  /** The approved minutes locked or unlocked (sign-off). */
  onLockChange?: (locked: boolean) => void;
}) {
  const styles = useStyles();
  const { t, tx, language } = useI18n();
  const [state, setState] = useState<State>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);
  /** "Start again from the meeting", asked for the next opening only. */
  const startAgain = useRef(false);
  /** The group found or picked for a meeting opened outside a channel. */
  const [chosen, setChosen] = useState<ChosenGroup | undefined>();
  /** "Choose another group": the picker again, past what the device remembers. */
  const [repick, setRepick] = useState(false);
  const target: MinutesGroup | undefined = group ?? (chosen && { teamId: chosen.group.teamId, channelId: chosen.group.channelId });

  useEffect(() => {
    if (!target) return;
    let live = true;
    setState({ phase: 'opening' });
    const again = startAgain.current;
    startAgain.current = false;
    services.openMinutes(target, { prefill, language, settings: group ? undefined : chosen?.group.settings, startAgain: again }).then(
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
  }, [services, target?.teamId, target?.channelId, prefill.meeting.eventId, attempt]);

  if (!group && (!chosen || repick)) {
    return (
      <GroupPicker
        find={(opts) => services.groups.find(prefill.meeting, opts)}
        choose={(g) => services.groups.choose(g, prefill.meeting)}
        recurring={prefill.meeting.seriesId !== undefined}
        ignoreDevice={repick}
        onChosen={(c) => {
          setRepick(false);
          setChosen(c);
        }}
      />
    );
  }
  // Where the minutes are saved, when Justera found or was told the group (a channel tab is its channel).
  const where = !group && chosen && (
    <>
      <div className={styles.where}>
        <Caption1>{tx('meetingGroup.savedIn', { team: chosen.group.teamName, channel: chosen.group.channelName })}</Caption1>
        <Button size="small" appearance="subtle" onClick={() => setRepick(true)}>
          {t('meetingGroup.change')}
        </Button>
      </div>
      {chosen.notRemembered && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('meetingGroup.notRemembered')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
  let body: ReactNode;
  if (state.phase === 'opening') {
    body = <Spinner label={t('minutesPage.opening')} labelPosition="below" aria-live="polite" />;
  } else if (state.phase === 'failed') {
    const unreadable = state.problem.code?.startsWith('minutes-');
    body = (
      <>
        {unreadable && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              {t(state.problem.code === 'minutes-newer-version' ? 'minutesPage.newerVersion' : 'minutesPage.unreadable')} {t('minutesPage.startAgainHint')}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  startAgain.current = true;
                  setAttempt((n) => n + 1);
                }}
              >
                {t('minutesPage.startAgain')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <ProblemMessage problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />
      </>
    );
  } else {
    const people = prefill.attendance.entries.map((e) => ({ key: personKey(e.person), displayName: e.person.displayName, email: e.person.email, organisation: e.person.organisation }));
    const { setAside } = state.opened;
    body = (
      <>
        {setAside !== undefined && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{tx('minutesPage.setAside', { name: setAside })}</MessageBarBody>
          </MessageBar>
        )}
        <EditorFor opened={state.opened} services={services} people={people} prefill={prefill} group={target!} onLockChange={onLockChange} />
      </>
    );
  }
  return (
    <>
      {where}
      {body}
    </>
  );
}
