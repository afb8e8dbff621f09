// Why the list looks the way it does: where it comes from and the report's known limits.

import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Attendance, AttendanceChange } from '../../domain/attendance';
import { useI18n } from '../i18n';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function AttendanceNotices({ attendance, timeZone }: { attendance: Attendance; timeZone: string }) {
  const styles = useStyles();
  const { t, time } = useI18n();
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
            ? t('attendance.notice.room-device', { room: n.room })
            : n.kind === 'anonymous-or-phone'
              ? t('attendance.notice.anonymous-or-phone', { count: n.count })
              : n.kind === 'several-reports'
                ? t('attendance.notice.several-reports', { count: n.count })
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
  const { t } = useI18n();
  const status = (s: string) => t(`attendance.status.${s as 'present'}`);
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
                  ? t('attendance.change.status', { name: c.name, from: status(c.from), to: status(c.to) })
                  : c.kind === 'added'
                    ? t('attendance.change.added', { name: c.name, status: status(c.status) })
                    : t('attendance.change.kept', { name: c.name, kept: status(c.kept), report: status(c.report) })}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
