// "Nästa möte": when and where, as the minutes will print it. Prefilled from the series' next
// occurrence; the secretary writes it as the group says it ("Fredag 10/10 kl. 08–09 via Teams").
// The calendar's time, when known, is shown beside it and can be copied into the text.

import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Minutes } from '../../../domain/minutes';
import { keepVersion, setNextMeeting } from '../../../domain/minutesEdits';
import { useI18n } from '../../i18n';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, type MinutesEditing } from './editing';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  calendar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface NextMeetingFieldProps {
  nextMeeting: Minutes['nextMeeting'];
  /** The meeting's time zone, for the calendar's time. */
  timeZone: string;
  edit: MinutesEditing;
}

export function NextMeetingField({ nextMeeting, timeZone, edit }: NextMeetingFieldProps) {
  const styles = useStyles();
  const { t, date, time } = useI18n();
  const conflict = conflictAt(edit.conflicts, '/nextMeeting/text');
  const fromCalendar = nextMeeting.start ? `${date(nextMeeting.start, timeZone)} ${t('minutes.nextMeeting.at', { time: time(nextMeeting.start, timeZone) })}` : undefined;
  return (
    <div className={styles.stack}>
      <Field label={t('minutes.nextMeeting.text')} hint={t('minutes.nextMeeting.hint')}>
        <Input value={nextMeeting.text} onChange={(_, d) => edit.update((m) => setNextMeeting(m, { text: d.value }))} />
      </Field>
      {fromCalendar && (
        <div className={styles.calendar}>
          <Caption1>{t('minutes.nextMeeting.fromCalendar', { when: fromCalendar })}</Caption1>
          {nextMeeting.text.trim() === '' && (
            <Button size="small" onClick={() => edit.update((m) => setNextMeeting(m, { text: fromCalendar }))}>
              {t('minutes.nextMeeting.useCalendar')}
            </Button>
          )}
        </div>
      )}
      {conflict && (
        <ConflictChoice
          field={t('minutes.nextMeeting.text')}
          ours={conflict.ours}
          theirs={conflict.theirs}
          onKeep={(side) => edit.update((m) => keepVersion(m, conflict.path, side))}
        />
      )}
    </div>
  );
}
