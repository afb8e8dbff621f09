// The minutes' header as the groups write it: group, time, place, organiser, secretary, chair.

import { makeStyles, Select, Text, tokens, useId, Caption1 } from '@fluentui/react-components';
import type { Meeting } from '../../domain/meeting';
import { personKey, type Person } from '../../domain/people';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    overflowWrap: 'anywhere',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    alignItems: 'baseline',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0 },
  chair: { maxWidth: '20rem' },
});

function nameWithOrg(p: Person): string {
  return p.organisation ? `${p.displayName} (${p.organisation})` : p.displayName;
}

export interface MinutesHeaderProps {
  meeting: Meeting;
  secretary: Person;
  chairKey?: string;
  onChairChange(key: string | undefined): void;
}

export function MinutesHeader({ meeting, secretary, chairKey, onChairChange }: MinutesHeaderProps) {
  const styles = useStyles();
  const { t, date, timeRange } = useI18n();
  const chairId = useId('chair');
  const places = [...meeting.place.rooms, ...(meeting.place.online ? [t('meeting.placeOnline')] : [])];
  return (
    <dl className={styles.list} aria-label={t('meeting.header')}>
      <dt className={styles.term}>{t('meeting.group')}</dt>
      <dd className={styles.value}>{meeting.subject || t('meeting.noSubject')}</dd>
      <dt className={styles.term}>{t('meeting.time')}</dt>
      <dd className={styles.value}>
        {date(meeting.start, meeting.timeZone)}, {timeRange(meeting.start, meeting.end, meeting.timeZone)}
      </dd>
      <dt className={styles.term}>{t('meeting.place')}</dt>
      <dd className={styles.value}>{places.length ? places.join(', ') : t('meeting.placeNone')}</dd>
      <dt className={styles.term}>{t('meeting.organiser')}</dt>
      <dd className={styles.value}>{nameWithOrg(meeting.organiser)}</dd>
      <dt className={styles.term}>{t('meeting.secretary')}</dt>
      <dd className={styles.value}>{nameWithOrg(secretary)}</dd>
      <dt className={styles.term}>
        <label htmlFor={chairId}>{t('meeting.chair')}</label>
      </dt>
      <dd className={styles.value}>
        <Select
          id={chairId}
          className={styles.chair}
          value={chairKey ?? ''}
          onChange={(_, data) => onChairChange(data.value || undefined)}
          aria-describedby={`${chairId}-hint`}
        >
          <option value="">{t('meeting.chairNone')}</option>
          {meeting.invitees.map((i) => (
            <option key={personKey(i.person)} value={personKey(i.person)}>
              {nameWithOrg(i.person)}
            </option>
          ))}
        </Select>
        <Caption1 id={`${chairId}-hint`} block>
          <Text size={200}>{t('meeting.chairHint')}</Text>
        </Caption1>
      </dd>
    </dl>
  );
}
