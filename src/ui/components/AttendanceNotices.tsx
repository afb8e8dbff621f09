// Why the list looks the way it does: where it comes from and the report's known limits. Names in
// these sentences come from outside and sit in their own <bdi> (tx), so a right-to-left override in
// a name cannot turn our words around it.

import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Attendance, AttendanceChange } from '../../domain/attendance';
import { useI18n } from '../i18n';
import { OutsideList, OutsideText } from './OutsideText';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function AttendanceNotices({ attendance, timeZone }: { attendance: Attendance; timeZone: string }) {
  const styles = useStyles();
  const { t, tx, time } = useI18n();
  const source = attendance.source;
  const sourceText =
    source.kind === 'report'
      ? t('attendance.source.report', { start: time(source.meetingStart, timeZone), end: time(source.meetingEnd, timeZone) })
      : t(`attendance.source.rsvp.${source.reason}`);
  return (
    <div className={styles.stack} data-testid="attendance-notices">
      <MessageBar intent={source.kind === 'report' ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>{sourceText}</MessageBarBody>
      </MessageBar>
      {attendance.notices.map((n, i) => {
        if (n.kind === 'not-in-report-means-absent') return null;
        const text =
          n.kind === 'room-device'
            ? tx('attendance.notice.room-device', { room: <OutsideText text={n.room} /> })
            : n.kind === 'anonymous-or-phone'
              ? t('attendance.notice.anonymous-or-phone', { count: n.count })
              : n.kind === 'several-reports'
                ? t('attendance.notice.several-reports', { count: n.count })
                : n.kind === 'no-time-in-report'
                  ? tx('attendance.notice.no-time-in-report', { names: <OutsideList items={n.names} /> })
                  : t('attendance.notice.replies-hidden');
        return (
          <MessageBar key={i} intent="warning" layout="multiline">
            <MessageBarBody>{text}</MessageBarBody>
          </MessageBar>
        );
      })}
      {source.kind === 'report' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('attendance.notice.limits')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function AttendanceChanges({ changes, source }: { changes: AttendanceChange[]; source: Attendance['source'] }) {
  const { t, tx } = useI18n();
  const status = (s: 'present' | 'absent' | 'excused') => t(`attendance.status.${s}`);
  if (source.kind === 'rsvp') {
    return (
      <MessageBar intent="info" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t('attendance.changes.noReport')}</MessageBarTitle>
          {t(`attendance.source.rsvp.${source.reason}`)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{t('attendance.changes.title')}</MessageBarTitle>
        {changes.length === 0 ? (
          t('attendance.changes.none')
        ) : (
          <ul>
            {changes.map((c) => (
              <li key={`${c.kind}:${c.key}`}>
                {c.kind === 'status'
                  ? tx('attendance.change.status', { name: <OutsideText text={c.name} />, from: status(c.from), to: status(c.to) })
                  : c.kind === 'added'
                    ? tx('attendance.change.added', { name: <OutsideText text={c.name} />, status: status(c.status) })
                    : tx('attendance.change.kept', { name: <OutsideText text={c.name} />, kept: status(c.kept), report: status(c.report) })}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
