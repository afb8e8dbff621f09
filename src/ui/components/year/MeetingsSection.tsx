// The meetings of the period with their state in words (a badge with text, not colour alone): a
// draft, sent for approval, approved, published, attendance only, or a file that cannot be read
// (why, and that it is not counted). An empty period says so and offers to add a meeting held before
// the group used Justera.

import { Badge, Button, makeStyles, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens, type BadgeProps } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { YearData } from '../../../app/yearService';
import { meetingsOfPeriod, type PeriodMeeting } from '../../../domain/year';
import { unreadableReason } from './unreadableReason';
import { useI18n } from '../../i18n';
import { ScrollTable } from './ScrollTable';

const useStyles = makeStyles({
  reason: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const BADGE: Record<PeriodMeeting['state'], { color: BadgeProps['color']; appearance: BadgeProps['appearance'] }> = {
  draft: { color: 'informative', appearance: 'outline' },
  sent: { color: 'warning', appearance: 'tint' },
  approved: { color: 'success', appearance: 'tint' },
  published: { color: 'success', appearance: 'filled' },
  'attendance-only': { color: 'brand', appearance: 'tint' },
  unreadable: { color: 'danger', appearance: 'tint' },
};

export function MeetingStateBadge({ state }: { state: PeriodMeeting['state'] }) {
  const { t } = useI18n();
  return (
    <Badge shape="rounded" {...BADGE[state]}>
      {t(`year.state.${state}`)}
    </Badge>
  );
}

export function MeetingsSection({ data, headingId, onAdd, adding }: { data: YearData; headingId: string; onAdd: () => void; adding: boolean }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const meetings = meetingsOfPeriod(data.meetings, data.period);
  const unreadable = meetings.filter((m) => m.state === 'unreadable').length;
  const add = (
    <div className={styles.actions}>
      <Button icon={<Add20Regular />} onClick={onAdd} disabled={adding} aria-expanded={adding}>
        {t('year.add.open')}
      </Button>
    </div>
  );
  if (meetings.length === 0) {
    return (
      <>
        <Text block>{t('year.meetings.none', { from: data.period.from, to: data.period.to })}</Text>
        <Text block>{t('year.meetings.noneHint')}</Text>
        {add}
      </>
    );
  }
  return (
    <>
      <Text block>{unreadable ? t('year.meetings.countUnreadable', { count: meetings.length, unreadable }) : t('year.meetings.count', { count: meetings.length })}</Text>
      <ScrollTable labelledBy={headingId} minWidth="420px">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('year.col.date')}</TableHeaderCell>
            <TableHeaderCell>{t('year.col.meeting')}</TableHeaderCell>
            <TableHeaderCell>{t('year.col.state')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {meetings.map((m) => (
            <TableRow key={m.folder}>
              <TableCell>{m.date ?? t('year.meetings.noDate')}</TableCell>
              <TableCell>
                <bdi>{m.subject || m.folder}</bdi>
              </TableCell>
              <TableCell>
                <MeetingStateBadge state={m.state} />
                {m.state === 'unreadable' && (
                  <Text size={200} className={styles.reason}>
                    {tx('year.meetings.unreadable', { reason: unreadableReason(t, m.reason) })}
                  </Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      {add}
    </>
  );
}
