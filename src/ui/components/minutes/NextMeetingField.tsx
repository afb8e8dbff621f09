// "Nästa möte": the day, start and end on the meeting's own clock, and the place, prefilled from
// the series' next occurrence and editable, then the group's own words ("via Teams"). Times that do
// not make sense (an end before the start) are said so beside the field and not saved until they
// do; what was saved stays.

import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Minutes } from '../../../domain/minutes';
import { keepVersion, setNextMeeting } from '../../../domain/minutesEdits';
import { nextMeetingProblem, nextMeetingWhen, setNextMeetingWhen, wallClockOf, type NextMeetingProblem, type NextMeetingWhen } from '../../../domain/nextMeeting';
import { useI18n } from '../../i18n';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, type MinutesEditing } from './editing';
import { DateField, TimeField } from './LocaleDateTime';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  when: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export interface NextMeetingFieldProps {
  nextMeeting: Minutes['nextMeeting'];
  /** This meeting: its zone is the clock the times are on, and its times are the default for a new day. */
  meeting: Pick<Minutes['meeting'], 'start' | 'end' | 'timeZone'>;
  edit: MinutesEditing;
}

export function NextMeetingField({ nextMeeting, meeting, edit }: NextMeetingFieldProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const zone = meeting.timeZone;
  const saved = `${nextMeeting.start ?? ''}|${nextMeeting.end ?? ''}`;
  // What is typed, kept here while it does not make sense; the saved times again when they change elsewhere.
  const [typed, setTyped] = useState<{ saved: string; when: NextMeetingWhen; problem?: NextMeetingProblem }>(() => ({ saved, when: nextMeetingWhen(nextMeeting, zone) }));
  if (typed.saved !== saved && !typed.problem) setTyped({ saved, when: nextMeetingWhen(nextMeeting, zone) });
  const { when, problem } = typed;

  const change = (part: Partial<NextMeetingWhen>) => {
    let next = { ...when, ...part };
    // A day chosen with no time yet: the series usually meets at the same time as this meeting.
    if (part.date && !when.date && !next.startTime && !next.endTime) {
      next = { ...next, startTime: wallClockOf(meeting.start, zone)?.time ?? '', endTime: wallClockOf(meeting.end, zone)?.time ?? '' };
    }
    const problem = nextMeetingProblem(next);
    if (!problem) edit.update((m) => setNextMeetingWhen(m, next, zone).minutes);
    // Saved: the fields follow the minutes again (as saved, "9:00" as "09:00"); else they keep what was typed.
    setTyped({ saved: problem ? saved : '', when: next, problem });
  };

  const conflict = conflictAt(edit.conflicts, '/nextMeeting/text');
  const timeProblem = problem && problem !== 'bad-date' ? t(`minutes.nextMeeting.problem.${problem}`) : undefined;
  return (
    <div className={styles.stack}>
      <div className={styles.when}>
        <DateField
          label={t('minutes.nextMeeting.date')}
          value={when.date || undefined}
          validationState={problem === 'bad-date' || problem === 'no-date' ? 'error' : undefined}
          validationMessage={problem === 'bad-date' || problem === 'no-date' ? t(`minutes.nextMeeting.problem.${problem}`) : undefined}
          onChange={(date) => change({ date: date ?? '' })}
        />
        <TimeField label={t('minutes.nextMeeting.start')} value={when.startTime} onChange={(startTime) => change({ startTime })} />
        <TimeField
          label={t('minutes.nextMeeting.end')}
          value={when.endTime}
          validationState={problem === 'end-before-start' || problem === 'bad-time' ? 'error' : undefined}
          validationMessage={problem === 'end-before-start' || problem === 'bad-time' ? timeProblem : undefined}
          onChange={(endTime) => change({ endTime })}
        />
      </div>
      <Field label={t('minutes.nextMeeting.place')}>
        <Input value={nextMeeting.place ?? ''} onChange={(_, d) => edit.update((m) => setNextMeeting(m, { place: d.value }))} />
      </Field>
      <Field label={t('minutes.nextMeeting.note')} hint={t('minutes.nextMeeting.noteHint')}>
        <Input value={nextMeeting.text} onChange={(_, d) => edit.update((m) => setNextMeeting(m, { text: d.value }))} />
      </Field>
      {conflict && (
        <ConflictChoice
          field={t('minutes.nextMeeting.note')}
          ours={conflict.ours}
          theirs={conflict.theirs}
          onKeep={(side) => edit.update((m) => keepVersion(m, conflict.path, side))}
        />
      )}
    </div>
  );
}
