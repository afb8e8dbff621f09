// The minutes' header as the groups write it: group, time, place, organiser, secretary, chair.
// Every value from the calendar or the directory is outside text: isolated and wrapped.

import { makeStyles, Select, Text, tokens, useId, Caption1 } from '@fluentui/react-components';
import type { Meeting } from '../../domain/meeting';
import { personKey, type Person } from '../../domain/people';
import { isolate, useI18n } from '../i18n';
import { Clamped, OutsideText } from './OutsideText';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    overflowWrap: 'anywhere',
    // minmax(0, …): a long unbroken value wraps inside the column instead of widening the page.
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    alignItems: 'baseline',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0 },
  chair: { width: '20rem', maxWidth: '100%' },
});

/** An option holds only text: the person isolated, and cut where a select could not show it anyway. */
const OPTION_CHARS = 80;
function optionText(p: Person): string {
  const name = p.organisation ? `${isolate(p.displayName)} (${isolate(p.organisation)})` : isolate(p.displayName);
  return name.length > OPTION_CHARS ? `${name.slice(0, OPTION_CHARS)}\u2069…` : name;
}

function NameWithOrg({ person }: { person: Person }) {
  return (
    <Clamped lines={3} title={person.organisation ? `${person.displayName} (${person.organisation})` : person.displayName}>
      <OutsideText text={person.displayName} />
      {person.organisation && (
        <>
          {' ('}
          <OutsideText text={person.organisation} />
          {')'}
        </>
      )}
    </Clamped>
  );
}

export interface MinutesHeaderProps {
  meeting: Meeting;
  secretary: Person;
  chairKey?: string;
  onChairChange(key: string | undefined): void;
}

export function MinutesHeader({ meeting, secretary, chairKey, onChairChange }: MinutesHeaderProps) {
  const styles = useStyles();
  const { t, tx, date, timeRange } = useI18n();
  const chairId = useId('chair');
  return (
    <dl className={styles.list} aria-label={t('meeting.header')}>
      <dt className={styles.term}>{t('meeting.group')}</dt>
      <dd className={styles.value}>{meeting.subject ? <OutsideText text={meeting.subject} lines={3} /> : t('meeting.noSubject')}</dd>
      <dt className={styles.term}>{t('meeting.time')}</dt>
      <dd className={styles.value}>
        {date(meeting.start, meeting.timeZone)}, {timeRange(meeting.start, meeting.end, meeting.timeZone)}
        {meeting.unknownTimeZone && (
          <Caption1 block>{tx('meeting.unknownZone', { zone: <OutsideText text={meeting.unknownTimeZone} lines={1} />, local: meeting.timeZone })}</Caption1>
        )}
      </dd>
      <dt className={styles.term}>{t('meeting.place')}</dt>
      <dd className={styles.value}>
        <Clamped lines={3} title={meeting.place.rooms.join(', ')}>
          {meeting.place.rooms.map((room, i) => (
            <span key={i}>
              {i > 0 && ', '}
              <OutsideText text={room} />
            </span>
          ))}
          {meeting.place.online && `${meeting.place.rooms.length ? ', ' : ''}${t('meeting.placeOnline')}`}
          {!meeting.place.rooms.length && !meeting.place.online && t('meeting.placeNone')}
        </Clamped>
      </dd>
      <dt className={styles.term}>{t('meeting.organiser')}</dt>
      <dd className={styles.value}>
        <NameWithOrg person={meeting.organiser} />
      </dd>
      <dt className={styles.term}>{t('meeting.secretary')}</dt>
      <dd className={styles.value}>
        <NameWithOrg person={secretary} />
      </dd>
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
              {optionText(i.person)}
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
