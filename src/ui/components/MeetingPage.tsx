// One meeting: prefill from Graph, lay over it the marks the secretary made on this device (the
// device keeps only those), and let them mark attendance, pick the chair and update from the
// attendance report. Each section has its own error boundary: one odd value costs one section.
// Once the minutes are open, the organiser's page keeps what only it can read (the report, the
// replies) in them, and everyone else's list comes from that copy (domain/organiserCopy.ts), or they
// can ask the organiser for it. The copy can arrive while the secretary's page is open (MinutesSync
// takes in others' saves): the list then follows it without a reload.

import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Title2, Subtitle1, tokens, Caption1 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingRef, Prefill, PrefillStep } from '../../app/prefill';
import type { MinutesGroup, OpenedMinutes } from '../../app/openMinutes';
import type { Services } from '../../app/services';
import type { DirectoryUser } from '../../graph/users';
import {
  addGuestByHand,
  applyHandMarks,
  handMarks,
  markAllInvitedPresent,
  markByHand,
  reconcile,
  withChair,
  type Attendance,
  type AttendanceChange,
  type AttendanceStatus,
} from '../../domain/attendance';
import { deepEqual } from '../../domain/merge';
import type { Minutes, OrganiserCopy } from '../../domain/minutes';
import { attendanceFromOrganiserCopy, organiserCopyFrom, organiserCopyToWrite, organiserCopyWanted } from '../../domain/organiserCopy';
import { personKey } from '../../domain/people';
import { withRoster } from '../../domain/roster';
import { toProblem, type Problem } from '../../domain/problems';
import { translator, useI18n } from '../i18n';
import { TabApproval } from './approval/TabApproval';
import { AttendanceList } from './AttendanceList';
import { AttendanceChanges, AttendanceNotices } from './AttendanceNotices';
import { SectionBoundary } from './Boundaries';
import { MinutesHeader } from './MinutesHeader';
import { MinutesSection } from './MinutesSection';
import { OrganiserCopyNotice, type OrganiserCopyNoticeProps } from './OrganiserCopyNotice';
import { OutsideList, OutsideText } from './OutsideText';
import { ProblemMessage } from './ProblemMessage';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The side panel is 320 px wide: long group names must wrap, not overflow.
  title: {
    overflowWrap: 'break-word',
    hyphens: 'auto',
    margin: 0,
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // What the approved minutes print (chair, attendance), disabled together while they are locked.
  locked: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type State =
  | { phase: 'loading'; step: PrefillStep }
  | { phase: 'failed'; problem: Problem }
  | { phase: 'ready'; data: Prefill; attendance: Attendance; chairKey?: string };

export function MeetingPage({ services, meetingRef, group }: { services: Services; meetingRef: MeetingRef; group?: MinutesGroup }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading', step: 'meeting' });
  /** What the last "update from the attendance report" did: the changes, or why there was no report. */
  const [update, setUpdate] = useState<{ changes: AttendanceChange[]; source: Attendance['source'] } | undefined>();
  const [updating, setUpdating] = useState(false);
  const [updateProblem, setUpdateProblem] = useState<Problem | undefined>();
  /** The device refused to keep the marks (IndexedDB blocked or full): said, not swallowed. */
  const [notKeptLocally, setNotKeptLocally] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  /** The minutes in the group's channel, once open: the marks and the chair are kept there, not on the device. */
  const [minutes, setMinutes] = useState<OpenedMinutes | undefined>();
  const minutesRef = useRef(minutes);
  minutesRef.current = minutes;
  /** The organiser's copy of the attendance in the open minutes (written here when the user is the organiser). */
  const [organiserCopy, setOrganiserCopy] = useState<OrganiserCopy | undefined>();
  const [ask, setAsk] = useState<OrganiserCopyNoticeProps['ask']>({ state: 'idle' });
  /** The minutes are approved and locked (sign-off): the chair and the attendance they print are too. */
  const [locked, setLocked] = useState(false);

  const load = useCallback(async () => {
    setState({ phase: 'loading', step: 'meeting' });
    try {
      const data = await services.prefill(meetingRef, (step) => setState({ phase: 'loading', step }));
      // What the secretary marked before (on this device) wins over the fresh prefill.
      const saved = await services.store.getMarks(data.meeting.eventId).catch((e: unknown) => {
        console.warn('Justera: could not read the marks kept on this device', e);
        setNotKeptLocally(true);
        return undefined;
      });
      const chairKey = saved?.chairKey ?? data.chairKey;
      const attendance = saved ? applyHandMarks(data.attendance, saved.marks, { secretary: data.secretary, chairKey }) : data.attendance;
      setState({ phase: 'ready', data, attendance: withChair(attendance, chairKey, data.secretary), chairKey });
    } catch (e) {
      setState({ phase: 'failed', problem: toProblem(e) });
    }
  }, [services, meetingRef]);

  useEffect(() => {
    void load();
  }, [load]);

  /**
   * Roles in the list: the chair, the secretary (the one the minutes name once they are open, not
   * whoever is signed in) and, from the group's roster, substitutes and co-opted members.
   */
  const withRoles = (attendance: Attendance, chairKey: string | undefined, signedIn: Prefill['secretary']): Attendance => {
    const opened = minutesRef.current;
    const named = opened?.sync.minutes.header.secretary;
    const secretary = named ? { displayName: named.displayName, email: named.email } : signedIn;
    return withRoster(withChair(attendance, chairKey, secretary), opened?.settings?.roster ?? []);
  };

  const save = (data: Prefill, attendance: Attendance, chairKey: string | undefined) => {
    setState({ phase: 'ready', data, attendance, chairKey });
    const opened = minutesRef.current;
    if (opened) {
      opened.sync.update((m) => ({ ...m, attendance: { ...m.attendance, marks: handMarks(attendance) }, header: { ...m.header, chairKey } }));
      return;
    }
    services.store.setMarks(data.meeting.eventId, { marks: handMarks(attendance), chairKey, savedAt: services.now().toISOString() }).then(
      () => setNotKeptLocally(false),
      (e: unknown) => {
        console.warn('Justera: could not keep the marks on this device', e);
        setNotKeptLocally(true);
      },
    );
  };

  /**
   * The organiser's page keeps what it read (the prefill's list, before anyone's marks) in the minutes,
   * only when that changed: opening the meeting again writes nothing.
   */
  const keepOrganiserCopy = (opened: OpenedMinutes, attendance: Attendance, me: DirectoryUser) => {
    const fetchedBy = { key: personKey(me), displayName: me.displayName, email: me.email, organisation: me.organisation };
    const next = organiserCopyToWrite(opened.sync.minutes.attendance.organiserCopy, organiserCopyFrom(attendance, fetchedBy, services.now().toISOString()));
    if (next) opened.sync.update((m) => ({ ...m, attendance: { ...m.attendance, organiserCopy: next } }));
    setOrganiserCopy(opened.sync.minutes.attendance.organiserCopy);
  };

  /**
   * The minutes opened: marks and chair kept in them win; marks this device still holds from before
   * the minutes existed move into them, and the device forgets them. For everyone but the organiser,
   * the organiser's copy in the minutes (when there is one) replaces the list from the replies.
   */
  const onMinutesOpened = (opened: OpenedMinutes) => {
    setMinutes(opened);
    minutesRef.current = opened;
    const current = latest.current;
    if (current.phase !== 'ready') return;
    const { data } = current;
    if (data.meeting.userIsOrganiser) keepOrganiserCopy(opened, data.attendance, data.secretary);
    else setOrganiserCopy(opened.sync.minutes.attendance.organiserCopy);
    const kept = opened.sync.minutes;
    const deviceMarks = kept.attendance.marks.length === 0 ? handMarks(current.attendance) : [];
    if (deviceMarks.length > 0) {
      opened.sync.update((m) => ({ ...m, attendance: { ...m.attendance, marks: deviceMarks }, header: { ...m.header, chairKey: current.chairKey } }));
      services.store.setMarks(data.meeting.eventId, { marks: [], savedAt: services.now().toISOString() }).catch(() => undefined);
    }
    const marks = deviceMarks.length > 0 ? deviceMarks : kept.attendance.marks;
    const chairKey = deviceMarks.length > 0 ? current.chairKey : (kept.header.chairKey ?? current.chairKey);
    showList(current, kept, marks, chairKey);
  };

  /** The list as the open minutes have it: the organiser's copy (for everyone but the organiser), else the prefill, with the marks. */
  const showList = (current: State & { phase: 'ready' }, kept: Minutes, marks: Minutes['attendance']['marks'], chairKey: string | undefined) => {
    const { data } = current;
    const roles = { secretary: data.secretary, chairKey };
    const copy = data.meeting.userIsOrganiser ? undefined : kept.attendance.organiserCopy;
    const base = copy ? attendanceFromOrganiserCopy(copy, data.meeting.invitees, roles) : data.attendance;
    setState({ ...current, attendance: withRoles(applyHandMarks(base, marks, roles), chairKey, data.secretary), chairKey });
  };

  /** Someone else's save reached the open minutes: a new organiser's copy replaces the list, as on opening. */
  const onMinutesChanged = (kept: Minutes) => {
    const current = latest.current;
    if (current.phase !== 'ready' || current.data.meeting.userIsOrganiser) return;
    setOrganiserCopy(kept.attendance.organiserCopy);
    showList(current, kept, kept.attendance.marks, kept.header.chairKey ?? current.chairKey);
  };
  const minutesChanged = useRef(onMinutesChanged);
  minutesChanged.current = onMinutesChanged;
  useEffect(() => {
    if (!minutes) return;
    let seen = minutes.sync.minutes.attendance.organiserCopy;
    return minutes.sync.subscribe(() => {
      const kept = minutes.sync.minutes;
      if (deepEqual(kept.attendance.organiserCopy, seen)) return;
      seen = kept.attendance.organiserCopy;
      minutesChanged.current(kept);
    });
  }, [minutes]);

  /** Mails the organiser, in the minutes' language, for the attendance only they can read. */
  const onAsk = async () => {
    const current = latest.current;
    const opened = minutesRef.current;
    if (current.phase !== 'ready' || !opened) return;
    const { meeting, secretary } = current.data;
    const words = translator(opened.sync.minutes.language);
    const when = words.date(meeting.start, meeting.timeZone);
    setAsk({ state: 'sending' });
    try {
      await services.askOrganiser({
        meeting,
        words: {
          subject: words.t('organiserCopy.mail.subject', { subject: meeting.subject, date: when }),
          paragraphs: [
            words.t('organiserCopy.mail.greeting', { name: meeting.organiser.displayName }),
            words.t('organiserCopy.mail.why', { subject: meeting.subject, date: when }),
            words.t('organiserCopy.mail.what'),
            words.t('organiserCopy.mail.signature', { name: secretary.displayName }),
          ],
          link: words.t('organiserCopy.mail.link'),
        },
      });
      setAsk({ state: 'sent', to: meeting.organiser.displayName });
    } catch (e) {
      setAsk({ state: 'failed', problem: toProblem(e) });
    }
  };

  if (state.phase === 'loading') {
    return <Spinner label={t(`meeting.loading.${state.step}`)} labelPosition="below" aria-live="polite" />;
  }
  if (state.phase === 'failed') return <ProblemMessage problem={state.problem} onRetry={() => void load()} />;

  const { data, attendance, chairKey } = state;
  const onMark = (key: string, status: AttendanceStatus) => save(data, markByHand(attendance, key, status), chairKey);
  const onAdd = (person: { displayName: string; organisation?: string }) => save(data, addGuestByHand(attendance, person, { secretary: data.secretary, chairKey }), chairKey);
  const onChairChange = (key: string | undefined) => {
    save(data, withRoles(attendance, key, data.secretary), key);
    if (data.meeting.seriesId) {
      services.store.setChair(data.meeting.seriesId, key).catch((e: unknown) => {
        console.warn('Justera: could not remember the chair for the series', e);
        setNotKeptLocally(true);
      });
    }
  };
  const onUpdate = async () => {
    setUpdating(true);
    setUpdateProblem(undefined);
    try {
      const fresh = await services.prefill(meetingRef);
      const current = latest.current;
      if (current.phase !== 'ready') return;
      if (fresh.attendance.source.kind !== 'report') {
        // No report this time: the list stays as it is. When reading it failed (throttled, dropped),
        // that is a problem to show (with the wait, if Microsoft 365 asked for one), not a reason
        // to replace the report's list with the replies.
        const failure = fresh.attendance.source.reason === 'report-unavailable' ? fresh.warnings.at(-1) : undefined;
        if (failure) setUpdateProblem(failure);
        else setUpdate({ changes: [], source: fresh.attendance.source });
        return;
      }
      const result = reconcile(current.attendance, fresh.attendance);
      save(fresh, withRoles(result.attendance, current.chairKey, fresh.secretary), current.chairKey);
      setUpdate({ changes: result.changes, source: fresh.attendance.source });
      const opened = minutesRef.current;
      if (opened && fresh.meeting.userIsOrganiser) keepOrganiserCopy(opened, fresh.attendance, fresh.secretary);
    } catch (e) {
      setUpdateProblem(toProblem(e));
    } finally {
      setUpdating(false);
    }
  };

  const hasNoInvitees = data.meeting.invitees.length <= 1 && attendance.entries.length <= 1;
  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {data.meeting.subject ? <OutsideText text={data.meeting.subject} lines={3} /> : t('meeting.noSubject')}
      </Title2>
      {data.meeting.isCancelled && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('meeting.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {minutes && <TabApproval services={services} opened={minutes} me={data.secretary} iCalUId={data.meeting.iCalUId} />}
      <section className={styles.section} aria-labelledby="minutes-header">
        <Subtitle1 as="h2" id="minutes-header">
          {t('meeting.header')}
        </Subtitle1>
        <SectionBoundary>
          <fieldset className={styles.locked} disabled={locked}>
            <MinutesHeader meeting={data.meeting} secretary={minutes?.sync.minutes.header.secretary ?? data.secretary} chairKey={chairKey} onChairChange={onChairChange} />
          </fieldset>
        </SectionBoundary>
      </section>
      <section className={styles.section} aria-labelledby="attendance">
        <Subtitle1 as="h2" id="attendance">
          {t('attendance.title')}
        </Subtitle1>
        <SectionBoundary>
          <AttendanceNotices attendance={attendance} timeZone={data.meeting.timeZone} />
        </SectionBoundary>
        {minutes && (
          <SectionBoundary>
            <OrganiserCopyNotice
              copy={organiserCopy}
              userIsOrganiser={data.meeting.userIsOrganiser}
              organiser={data.meeting.organiser}
              timeZone={data.meeting.timeZone}
              canAsk={!data.meeting.userIsOrganiser && (ask.state !== 'idle' || organiserCopyWanted(organiserCopy, data.meeting.end, services.now()))}
              ask={ask}
              onAsk={() => void onAsk()}
            />
          </SectionBoundary>
        )}
        {data.notInDirectory.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {tx('meeting.notInDirectory', {
                count: data.notInDirectory.length,
                names: <OutsideList items={data.notInDirectory} />,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {data.warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('problem.warnings', { what: [...new Set(data.warnings.map((w) => t(`problem.${w.kind}`)))].join(' ') })}</MessageBarBody>
          </MessageBar>
        )}
        {hasNoInvitees && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('attendance.noInvitees')}</MessageBarBody>
          </MessageBar>
        )}
        <fieldset className={styles.locked} disabled={locked}>
          <div className={styles.toolbar}>
            {attendance.source.kind === 'rsvp' && (
              <Button onClick={() => save(data, markAllInvitedPresent(attendance), chairKey)}>{t('attendance.markAllPresent')}</Button>
            )}
            {/* Only the organiser can read the report through Graph, so only they are offered the update. */}
            {data.meeting.userIsOrganiser && data.meeting.joinUrl && (
              <Button onClick={() => void onUpdate()} disabled={updating} aria-busy={updating}>
                {updating ? t('attendance.updating') : t('attendance.update')}
              </Button>
            )}
            {updating && <Spinner size="tiny" aria-label={t('attendance.updating')} />}
            {!notKeptLocally && !minutes && <Caption1>{t('attendance.savedLocally')}</Caption1>}
          </div>
          {notKeptLocally && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('attendance.notSavedLocally')}</MessageBarBody>
            </MessageBar>
          )}
          {updateProblem && <ProblemMessage problem={updateProblem} onRetry={() => void onUpdate()} />}
          {update && <AttendanceChanges changes={update.changes} source={update.source} />}
          <SectionBoundary>
            <AttendanceList attendance={attendance} notInDirectory={data.notInDirectory} onMark={onMark} onAdd={onAdd} />
          </SectionBoundary>
        </fieldset>
      </section>
      <SectionBoundary>
        <MinutesSection services={services} prefill={data} group={group} onOpened={onMinutesOpened} onLockChange={setLocked} />
      </SectionBoundary>
    </div>
  );
}
