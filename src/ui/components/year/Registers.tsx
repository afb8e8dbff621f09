// The period's registers: every decision, with a link to its minutes, and every action with its
// owner, due date and status from Planner in words (overdue said in words and with an icon, a
// completed one on time or late). Each is searchable (domain/year.ts filterRegister: every word, in
// any order, accents and case ignored), the actions also by status; the count of rows shown is
// announced politely as the search narrows.

import {
  Field,
  Link,
  makeStyles,
  SearchBox,
  Select,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Warning16Filled } from '@fluentui/react-icons';
import { useMemo, useState, type ReactNode } from 'react';
import type { YearData } from '../../../app/yearService';
import { dayIn } from '../../../domain/followUpStatus';
import { actionsRegister, decisionsRegister, filterRegister, type ActionRow, type RegisterSource } from '../../../domain/year';
import { isolate, useI18n } from '../../i18n';
import { ScrollTable } from './ScrollTable';

const useStyles = makeStyles({
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '420px' },
  small: { display: 'block', color: tokens.colorNeutralForeground3 },
  overdue: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** "§ 5 Inledning", or the item's title when the template does not number paragraphs. */
function ItemText({ row }: { row: RegisterSource }) {
  return <bdi>{row.paragraph === undefined ? row.itemTitle : `§ ${row.paragraph} ${row.itemTitle}`}</bdi>;
}

function MeetingCell({ row }: { row: RegisterSource }) {
  const styles = useStyles();
  return (
    <>
      {row.date}
      <Text size={200} className={styles.small}>
        <bdi>{row.subject}</bdi>
      </Text>
    </>
  );
}

function SearchField({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.search}>
      <SearchBox value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** The meetings a register's rows come from, to show one of them only ('' for all), oldest first. */
function MeetingFilter({ rows, value, onChange }: { rows: readonly RegisterSource[]; value: string; onChange: (folder: string) => void }) {
  const { t } = useI18n();
  const meetings = useMemo(() => [...new Map(rows.map((r) => [r.folder, `${r.date} ${r.subject}`])).entries()], [rows]);
  return (
    <Field label={t('year.filter.meeting')}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t('year.filter.allMeetings')}</option>
        {meetings.map(([folder, label]) => (
          <option key={folder} value={folder}>
            {isolate(label)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const ofMeeting = (folder: string) => (r: RegisterSource) => !folder || r.folder === folder;

export function DecisionsSection({ data, headingId }: { data: YearData; headingId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [meeting, setMeeting] = useState('');
  const rows = useMemo(() => decisionsRegister(data.meetings, data.period, data.templates), [data]);
  const shown = useMemo(() => filterRegister(rows, search).filter(ofMeeting(meeting)), [rows, search, meeting]);
  if (rows.length === 0) return <Text block>{t('year.decisions.none')}</Text>;
  return (
    <>
      <div className={styles.tools}>
        <SearchField label={t('year.decisions.search')} value={search} onChange={setSearch} />
        <MeetingFilter rows={rows} value={meeting} onChange={setMeeting} />
      </div>
      <Text block role="status" aria-live="polite">
        {t('year.decisions.count', { shown: shown.length, total: rows.length })}
      </Text>
      {shown.length > 0 && (
        <ScrollTable labelledBy={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('year.col.meeting')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.item')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.decision')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.minutes')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => {
              const url = row.documentUrl ?? data.folderUrls.get(row.folder);
              return (
                <TableRow key={`${row.folder}\n${row.decisionId}`}>
                  <TableCell>
                    <MeetingCell row={row} />
                  </TableCell>
                  <TableCell>
                    <ItemText row={row} />
                  </TableCell>
                  <TableCell>
                    <bdi>{row.text}</bdi>
                  </TableCell>
                  <TableCell>
                    {url ? (
                      <Link href={url} target="_blank" rel="noopener noreferrer" aria-label={t('year.decisions.openLabel', { date: row.date, subject: row.subject })}>
                        {t('year.decisions.open')}
                      </Link>
                    ) : (
                      t('year.decisions.noLink')
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ScrollTable>
      )}
    </>
  );
}

export type ActionFilter = 'all' | 'open' | 'overdue' | 'done' | 'never-published';

const isOpen = (r: ActionRow) => r.status === 'not-started' || r.status === 'in-progress' || (r.status === 'never-published' && r.followedUp !== 'done' && r.followedUp !== 'dropped');
const isDone = (r: ActionRow) => r.status === 'done' || (r.status === 'never-published' && r.followedUp === 'done');

const FILTERS: Record<ActionFilter, (r: ActionRow) => boolean> = {
  all: () => true,
  open: isOpen,
  overdue: (r) => r.overdue,
  done: isDone,
  'never-published': (r) => r.status === 'never-published',
};

function dayOf(instant: string | undefined, timeZone: string): string | undefined {
  if (!instant || Number.isNaN(Date.parse(instant))) return undefined;
  try {
    return dayIn(instant, timeZone);
  } catch {
    return instant.slice(0, 10);
  }
}

/** The status in words: Planner's, or how a later meeting followed up an action never published. */
function ActionStatus({ row, timeZone }: { row: ActionRow; timeZone: string }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  let text: ReactNode;
  if (row.status === 'done') {
    const date = dayOf(row.completedAt, timeZone);
    const key = row.completed === 'late' ? 'year.actions.status.doneLate' : row.completed === 'on-time' ? 'year.actions.status.doneOnTime' : 'year.actions.status.done';
    text = date ? tx(`${key}On`, { date }) : t(key);
    if (row.completedBy) text = tx('year.actions.status.by', { status: text, name: row.completedBy });
  } else if (row.status === 'never-published') {
    text = row.followedUp ? `${t('year.actions.status.never-published')} – ${t(`year.actions.followedUp.${row.followedUp}`)}` : t('year.actions.status.never-published');
  } else {
    text = t(`year.actions.status.${row.status}`);
  }
  return (
    <>
      <span>{text}</span>
      {row.overdue && (
        <span className={styles.small}>
          <span className={styles.overdue}>
            <Warning16Filled aria-hidden />
            {t('year.actions.overdue')}
          </span>
        </span>
      )}
    </>
  );
}

export function ActionsSection({ data, today, headingId }: { data: YearData; today: string; headingId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<ActionFilter>('all');
  const [meeting, setMeeting] = useState('');
  const rows = useMemo(() => actionsRegister(data.meetings, data.period, data.statuses, today, data.templates), [data, today]);
  const shown = useMemo(() => filterRegister(rows, search).filter(FILTERS[filter]).filter(ofMeeting(meeting)), [rows, search, filter, meeting]);
  if (rows.length === 0) return <Text block>{t('year.actions.none')}</Text>;
  return (
    <>
      <div className={styles.tools}>
        <SearchField label={t('year.actions.search')} value={search} onChange={setSearch} />
        <Field label={t('year.actions.filter')}>
          <Select value={filter} onChange={(_, d) => setFilter(d.value as ActionFilter)}>
            {(Object.keys(FILTERS) as ActionFilter[]).map((f) => (
              <option key={f} value={f}>
                {t(`year.actions.filter.${f}`)}
              </option>
            ))}
          </Select>
        </Field>
        <MeetingFilter rows={rows} value={meeting} onChange={setMeeting} />
      </div>
      <Text block role="status" aria-live="polite">
        {t('year.actions.count', { shown: shown.length, total: rows.length })}
      </Text>
      {shown.length > 0 && (
        <ScrollTable labelledBy={headingId} minWidth="640px">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('year.col.action')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.owner')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.due')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.status')}</TableHeaderCell>
              <TableHeaderCell>{t('year.col.meeting')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={`${row.folder}\n${row.actionId}`}>
                <TableCell>
                  <bdi>{row.what}</bdi>
                  <Text size={200} className={styles.small}>
                    <ItemText row={row} />
                  </Text>
                </TableCell>
                <TableCell>
                  {row.owner ? <bdi>{row.owner.displayName}</bdi> : t('year.actions.noOwner')}
                  {row.owner?.organisation && (
                    <Text size={200} className={styles.small}>
                      <bdi>{row.owner.organisation}</bdi>
                    </Text>
                  )}
                </TableCell>
                <TableCell>{row.due ?? t('year.actions.noDue')}</TableCell>
                <TableCell>
                  <ActionStatus row={row} timeZone={data.timeZone} />
                </TableCell>
                <TableCell>
                  <MeetingCell row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </>
  );
}
