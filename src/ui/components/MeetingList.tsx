// "My meetings": upcoming and recent meetings as two lists of buttons, nearest first. Subjects,
// places and organisers are outside text (isolated, wrapped, clamped with a tooltip); each row has
// its own error boundary, so one odd meeting cannot blank the list.

import { Badge, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { MeetingListItem } from '../../domain/meeting';
import { useI18n } from '../i18n';
import { ItemBoundary } from './Boundaries';
import { OutsideText } from './OutsideText';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, maxWidth: '100%' },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', minWidth: 0 },
  cancelled: { textDecorationLine: 'line-through' },
  section: { marginTop: tokens.spacingVerticalL },
});

function MeetingButton({ meeting, onOpen }: { meeting: MeetingListItem; onOpen: (m: MeetingListItem) => void }) {
  const styles = useStyles();
  const { t, tx, day, timeRange } = useI18n();
  const where = [...meeting.place.rooms];
  return (
    <li>
      {/* The button's name is what it shows (WCAG 2.5.3): subject, day, time, place, organiser. */}
      <Button className={styles.item} appearance="subtle" onClick={() => onOpen(meeting)}>
        <span className={styles.body}>
          <Text weight="semibold" className={meeting.isCancelled ? styles.cancelled : undefined}>
            {meeting.subject ? <OutsideText text={meeting.subject} lines={2} /> : t('meeting.noSubject')}
          </Text>
          <span className={styles.line}>
            <Caption1>
              {day(meeting.start, meeting.timeZone)} · {timeRange(meeting.start, meeting.end, meeting.timeZone)}
              {meeting.unknownTimeZone && ` (${t('myMeetings.unknownZone')})`}
            </Caption1>
            {meeting.place.online && <Badge appearance="tint" size="small">{t('myMeetings.online')}</Badge>}
            {meeting.isRecurring && <Badge appearance="outline" size="small">{t('myMeetings.recurring')}</Badge>}
            {meeting.isCancelled && <Badge appearance="filled" color="danger" size="small">{t('myMeetings.cancelled')}</Badge>}
          </span>
          {(where.length > 0 || meeting.organiserName) && (
            <Caption1>
              {where.map((room, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <OutsideText text={room} lines={1} />
                </span>
              ))}
              {where.length > 0 && meeting.organiserName && ' · '}
              {meeting.organiserName && tx('myMeetings.organiser', { name: <OutsideText text={meeting.organiserName} lines={1} /> })}
            </Caption1>
          )}
        </span>
      </Button>
    </li>
  );
}

export function MeetingList({ meetings, now, onOpen }: { meetings: MeetingListItem[]; now: Date; onOpen: (m: MeetingListItem) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (meetings.length === 0) return <Text>{t('myMeetings.none')}</Text>;
  const upcoming = meetings.filter((m) => Date.parse(m.end) >= now.getTime());
  const recent = meetings.filter((m) => !(Date.parse(m.end) >= now.getTime())).reverse();
  return (
    <>
      {[
        { id: 'upcoming', title: t('myMeetings.upcoming'), items: upcoming },
        { id: 'recent', title: t('myMeetings.recent'), items: recent },
      ].map(
        (section) =>
          section.items.length > 0 && (
            <section key={section.id} className={styles.section} aria-labelledby={`meetings-${section.id}`}>
              <Subtitle2 as="h2" id={`meetings-${section.id}`}>
                {section.title}
              </Subtitle2>
              <ul className={styles.list}>
                {section.items.map((m) => (
                  <ItemBoundary key={m.eventId}>
                    <MeetingButton meeting={m} onOpen={onOpen} />
                  </ItemBoundary>
                ))}
              </ul>
            </section>
          ),
      )}
    </>
  );
}
