// Attendance over a period (issue 13): the organisations never represented said first, then per
// organisation (how many meetings, by whom, in the roster or not) and per county, each with its chart,
// per person, and per meeting with what its list rests on. The tables are the charts' tables; the
// charts load in their own chunk only when this section shows. Everything here comes from
// attendanceYear (domain/year.ts); this file only says it.

import {
  makeStyles,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment, lazy, Suspense, useId, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import type { MeetingAttendance, Period, YearAttendance, YearRole } from '../../../../domain/year';
import { ScrollTable } from '../ScrollTable';
import { unreadableReason } from '../unreadableReason';
import { useI18n } from '../../../i18n';
import { representationSeries, type RepresentationPoint } from './representationSeries';

export { representationSeries } from './representationSeries';
export type { RepresentationPoint } from './representationSeries';

const RepresentationChart = lazy(() => import(/* webpackChunkName: "charts" */ './AttendanceCharts'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  para: { margin: 0 },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  caption: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface AttendanceSectionProps {
  attendance: YearAttendance;
  period: Period;
}

/** A calendar date (YYYY-MM-DD) as the page's language writes it, whatever the reader's zone. */
function calendarDate(locale: string, date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Names from outside in a list of our own: each isolated in its <bdi>, separated by commas. */
function nameList(names: readonly string[]): ReactNode {
  return names.map((n, i) => (
    <Fragment key={n}>
      {i > 0 && ', '}
      <bdi>{n}</bdi>
    </Fragment>
  ));
}

const roleKey = (role: YearRole) => `year.attendance.role.${role}` as const;

function Head({ cols }: { cols: string[] }) {
  return (
    <TableHeader>
      <TableRow>
        {cols.map((c) => (
          <TableHeaderCell key={c} scope="col">
            {c}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

/** A chart with its caption, its text alternative (a sentence per bar) and a pointer to its table. */
function ChartFigure({ series, caption, tableNote }: { series: RepresentationPoint[]; caption: string; tableNote: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  const altId = `${id}-alt`;
  const noteId = `${id}-note`;
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`} aria-describedby={`${altId} ${noteId}`}>
      <figcaption id={`${id}-caption`} className={styles.caption}>
        {caption}
      </figcaption>
      {/* A chart that cannot load (its chunk, offline) or draw leaves the figures in words and the table. */}
      <ErrorBoundary fallback={<Text className={styles.muted}>{t('year.attendance.chart.failed')}</Text>}>
        <Suspense fallback={<Spinner size="small" label={t('year.attendance.chart.loading')} />}>
          <RepresentationChart series={series} title={caption} describedBy={`${altId} ${noteId}`} />
        </Suspense>
      </ErrorBoundary>
      <ul id={altId} className={styles.list}>
        {series.map((p) => (
          <li key={p.label}>{t('year.attendance.chart.point', { label: p.label, value: p.value, of: p.of })}</li>
        ))}
      </ul>
      <Text id={noteId} size={200} className={styles.muted}>
        {tableNote}
      </Text>
    </figure>
  );
}

/** One part of the attendance: its heading, a sentence when it has no rows, else its table and what follows it (a chart). */
function Part({ title, none, cols, rows, after }: { title: string; none: string; cols: string[]; rows: ReactNode[]; after?: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.part} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {title}
      </h3>
      {rows.length === 0 ? (
        <p className={styles.para}>{none}</p>
      ) : (
        <>
          <ScrollTable labelledBy={headingId} minWidth="32rem">
            <Head cols={cols} />
            <TableBody>{rows}</TableBody>
          </ScrollTable>
          {after}
        </>
      )}
    </section>
  );
}

function Organisations({ attendance }: { attendance: YearAttendance }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const series = representationSeries(attendance, 'organisation');
  return (
    <Part
      title={t('year.attendance.organisations')}
      none={t('year.attendance.organisations.none')}
      cols={[t('year.attendance.col.organisation'), t('year.attendance.col.represented'), t('year.attendance.col.byMembers'), t('year.attendance.col.by'), t('year.attendance.col.inRoster')]}
      rows={attendance.organisations.map((o) => (
        <TableRow key={o.organisation}>
          <TableCell className={styles.cell}>
            <bdi>{o.organisation}</bdi>
          </TableCell>
          <TableCell className={styles.cell}>{t('year.attendance.ofCounted', { value: o.meetings, of: attendance.counted })}</TableCell>
          {/* What the groups are judged on: a member or substitute there, not only a guest or a co-opted one. */}
          <TableCell className={styles.cell}>{o.meetingsByMembers}</TableCell>
          <TableCell className={styles.cell}>
            {o.by.length === 0 ? (
              t('year.attendance.nobody')
            ) : (
              <ul className={styles.list}>
                {o.by.map((r) => (
                  <li key={r.person.key}>
                    {tx(r.meetings === 1 ? 'year.attendance.rep.one' : 'year.attendance.rep.many', {
                      name: r.person.displayName,
                      role: t(roleKey(r.role)),
                      count: r.meetings,
                    })}
                  </li>
      ))}
                </ul>
              )}
            </TableCell>
            <TableCell className={styles.cell}>{t(o.inRoster ? 'year.attendance.inRoster' : 'year.attendance.notInRoster')}</TableCell>
          </TableRow>
      ))}
      after={<ChartFigure series={series} caption={t('year.attendance.chart.organisation')} tableNote={t('year.attendance.chart.table.organisation')} />}
    />
  );
}

function Counties({ attendance }: { attendance: YearAttendance }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Part
      title={t('year.attendance.counties')}
      none={t('year.attendance.counties.none')}
      cols={[t('year.attendance.col.county'), t('year.attendance.col.represented'), t('year.attendance.col.organisations'), t('year.attendance.col.neverRepresented')]}
      rows={attendance.counties.map((c) => (
        <TableRow key={c.county}>
          <TableCell className={styles.cell}>
            <bdi>{c.county}</bdi>
          </TableCell>
          <TableCell className={styles.cell}>{t('year.attendance.ofCounted', { value: c.meetings, of: attendance.counted })}</TableCell>
          <TableCell className={styles.cell}>{nameList(c.organisations)}</TableCell>
          <TableCell className={styles.cell}>{c.neverRepresented.length ? nameList(c.neverRepresented) : t('year.attendance.noneOf')}</TableCell>
        </TableRow>
      ))}
      after={<ChartFigure series={representationSeries(attendance, 'county')} caption={t('year.attendance.chart.county')} tableNote={t('year.attendance.chart.table.county')} />}
    />
  );
}

function People({ attendance }: { attendance: YearAttendance }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Part
      title={t('year.attendance.people')}
      none={t('year.attendance.people.none')}
      cols={[t('year.attendance.col.person'), t('year.attendance.col.role'), t('year.attendance.col.organisation'), t('year.attendance.col.present'), t('year.attendance.col.absent'), t('year.attendance.col.excused')]}
      rows={attendance.people.map((p) => (
        <TableRow key={p.person.key}>
          <TableCell className={styles.cell}>
            <bdi>{p.person.displayName}</bdi>
          </TableCell>
          <TableCell className={styles.cell}>{t(roleKey(p.role))}</TableCell>
          {/* Every organisation they came from in the period, in meeting order: one who moved shows both. */}
          <TableCell className={styles.cell}>{nameList(p.organisations)}</TableCell>
          <TableCell className={styles.cell}>{p.present}</TableCell>
          <TableCell className={styles.cell}>{p.absent}</TableCell>
          <TableCell className={styles.cell}>{p.excused}</TableCell>
        </TableRow>
      ))}
    />
  );
}

function MeetingRow({ m }: { m: MeetingAttendance }) {
  const styles = useStyles();
  const { t, tx, locale } = useI18n();
  const unreadable = m.source === 'unreadable';
  return (
    <TableRow>
      <TableCell className={styles.cell}>{m.date ? <time dateTime={m.date}>{calendarDate(locale, m.date)}</time> : t('year.attendance.noDate')}</TableCell>
      <TableCell className={styles.cell}>{m.subject ? <bdi>{m.subject}</bdi> : t('year.attendance.noSubject')}</TableCell>
      {unreadable ? (
        <TableCell className={styles.cell} colSpan={4}>
          {tx('year.attendance.unreadable', { reason: unreadableReason(t, m.reason) })}
        </TableCell>
      ) : (
        <>
          <TableCell className={styles.cell}>{m.present}</TableCell>
          <TableCell className={styles.cell}>{m.absent}</TableCell>
          <TableCell className={styles.cell}>{m.excused}</TableCell>
          <TableCell className={styles.cell}>{m.basis ? t(`year.attendance.basis.${m.basis}`) : ''}</TableCell>
        </>
      )}
    </TableRow>
  );
}

function Meetings({ attendance }: { attendance: YearAttendance }) {
  const { t } = useI18n();
  return (
    <Part
      title={t('year.attendance.meetings')}
      none={t('year.attendance.meetings.none')}
      cols={[t('year.attendance.col.date'), t('year.attendance.col.subject'), t('year.attendance.col.present'), t('year.attendance.col.absent'), t('year.attendance.col.excused'), t('year.attendance.col.basis')]}
      rows={attendance.meetings.map((m) => (
        <MeetingRow key={m.folder} m={m} />
      ))}
    />
  );
}

/** The attendance of a period as tables and charts, for the "Året" view (its headings are h3). */
export function AttendanceSection({ attendance, period }: AttendanceSectionProps) {
  const styles = useStyles();
  const { t, tx, locale } = useI18n();
  const rosterOrganisations = attendance.organisations.some((o) => o.inRoster);
  const unreadable = attendance.meetings.filter((m) => m.source === 'unreadable').length;
  return (
    <div className={styles.root}>
      <div className={styles.part}>
        <p className={styles.lead}>
          {!rosterOrganisations
            ? t('year.attendance.noRosterOrganisations')
            : attendance.neverRepresented.length
              ? tx('year.attendance.never', { names: nameList(attendance.neverRepresented) })
              : t('year.attendance.allRepresented')}
        </p>
        <p className={styles.para}>
          {t(attendance.counted === 1 ? 'year.attendance.counted.one' : 'year.attendance.counted', {
            counted: attendance.counted,
            from: calendarDate(locale, period.from),
            to: calendarDate(locale, period.to),
          })}
          {unreadable > 0 && ` ${t(unreadable === 1 ? 'year.attendance.notCounted.one' : 'year.attendance.notCounted', { count: unreadable })}`}
        </p>
      </div>
      <Organisations attendance={attendance} />
      <Counties attendance={attendance} />
      <People attendance={attendance} />
      <Meetings attendance={attendance} />
    </div>
  );
}
