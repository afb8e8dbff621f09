// The attendance as the minutes print it: present, also present (guests), absent with notice,
// absent. Each person's status can be changed by hand; where each status came from is said in
// words that are true (statusReason). Names and organisations are outside text: isolated, wrapped,
// and clamped with the whole text in a tooltip, so every row fits a 320 px side panel.

import { Badge, Caption1, makeStyles, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { groupAttendance, statusReason, type Attendance, type AttendanceEntry, type AttendanceStatus } from '../../domain/attendance';
import { organisationFromEmail } from '../../domain/people';
import { useI18n } from '../i18n';
import { AddPersonForm } from './AddPersonForm';
import { ItemBoundary } from './Boundaries';
import { OutsideText } from './OutsideText';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, maxWidth: '100%', flexGrow: 1, flexBasis: '12rem' },
  tags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  status: { minWidth: 0, maxWidth: '100%', flexBasis: '11rem', flexGrow: 0 },
});

const STATUSES: AttendanceStatus[] = ['present', 'absent', 'excused'];

function PersonRow({ entry, notInDirectory, onMark }: { entry: AttendanceEntry; notInDirectory: boolean; onMark: (key: string, s: AttendanceStatus) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const organisation = entry.person.organisation ?? organisationFromEmail(entry.person.email);
  return (
    <li className={styles.row}>
      <span className={styles.who}>
        <Text weight="semibold">
          <OutsideText text={entry.person.displayName} lines={3} />
        </Text>
        {organisation && (
          <Caption1>
            <OutsideText text={organisation} lines={2} />
          </Caption1>
        )}
        <span className={styles.tags}>
          {entry.role === 'chair' && <Badge appearance="tint" color="brand">{t('attendance.role.chair')}</Badge>}
          {entry.role === 'secretary' && <Badge appearance="tint" color="brand">{t('attendance.role.secretary')}</Badge>}
          {entry.role === 'substitute' && <Badge appearance="outline">{t('attendance.role.substitute')}</Badge>}
          {entry.role === 'coopted' && <Badge appearance="outline">{t('attendance.role.coopted')}</Badge>}
          {entry.joinedAs === 'phone' && <Badge appearance="outline">{t('attendance.joined.phone')}</Badge>}
          {entry.joinedAs === 'anonymous' && <Badge appearance="outline">{t('attendance.joined.anonymous')}</Badge>}
          {entry.joinedAs === 'external' && <Badge appearance="outline">{t('attendance.joined.external')}</Badge>}
          {entry.rejoined && <Badge appearance="outline">{t('attendance.rejoined')}</Badge>}
          {notInDirectory && <Badge appearance="outline" color="warning">{t('attendance.notInDirectory')}</Badge>}
          <Caption1>{t(`attendance.reason.${statusReason(entry)}`)}</Caption1>
        </span>
      </span>
      <Select
        className={styles.status}
        value={entry.status}
        aria-label={t('attendance.status', { name: entry.person.displayName })}
        onChange={(_, data) => onMark(entry.key, data.value as AttendanceStatus)}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`attendance.status.${s}`)}
          </option>
        ))}
      </Select>
    </li>
  );
}

export interface AttendanceListProps {
  attendance: Attendance;
  notInDirectory: readonly string[];
  onMark(key: string, status: AttendanceStatus): void;
  /** Someone who took part without an invitation or a record in the report, added by hand. */
  onAdd?(person: { displayName: string; organisation?: string }): void;
}

export function AttendanceList({ attendance, notInDirectory, onMark, onAdd }: AttendanceListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const groups = groupAttendance(attendance);
  const missing = new Set(notInDirectory.map((s) => s.toLowerCase()));
  const sections = [
    { id: 'present', title: t('attendance.present'), entries: groups.present },
    { id: 'guests', title: t('attendance.guests'), entries: groups.guests },
    { id: 'excused', title: t('attendance.excused'), entries: groups.excused },
    { id: 'absent', title: t('attendance.absent'), entries: groups.absent },
    ...(groups.optionalAway.length ? [{ id: 'optional', title: t('attendance.optionalAway'), entries: groups.optionalAway }] : []),
  ];
  return (
    <div className={styles.groups}>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`attendance-${s.id}`}>
          <Subtitle2 as="h3" id={`attendance-${s.id}`}>
            {s.title} <Caption1>({t('attendance.count', { count: s.entries.length })})</Caption1>
          </Subtitle2>
          {s.entries.length === 0 ? (
            <Text block>{t('attendance.empty')}</Text>
          ) : (
            <ul className={styles.list} aria-label={s.title}>
              {s.entries.map((e) => (
                <ItemBoundary key={e.key}>
                  <PersonRow entry={e} notInDirectory={missing.has((e.person.email ?? e.person.displayName).toLowerCase())} onMark={onMark} />
                </ItemBoundary>
              ))}
            </ul>
          )}
        </section>
      ))}
      {onAdd && <AddPersonForm onAdd={onAdd} />}
    </div>
  );
}
