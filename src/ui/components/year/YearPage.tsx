// The group's year at a glance (issue 13): a period (the group's year by default, the previous or next
// one, or any range of dates), read from the group's folder and Planner with progress, and shown as
// the meetings of the period with their state, the register of decisions, the register of actions,
// attendance, and the exports. Everything is counted here with the domain (domain/year.ts); the
// service only reads and writes.
//
// A new period keeps the last good year on screen while it loads, said to be the earlier period; a
// failed read of another period takes it away (its figures would be read as the new period's), a
// failed refresh of the same period keeps it. Sections are stacked under one in-page nav, which wraps
// at 360 px; each table scrolls inside its own labelled region rather than widening the page.

import { Button, Link, makeStyles, ProgressBar, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { ChevronLeft20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { YearData, YearProgress, YearService } from '../../../app/yearService';
import { dayIn } from '../../../domain/followUpStatus';
import { toProblem, type Problem } from '../../../domain/problems';
import { attendanceYear, groupYear, type Period } from '../../../domain/year';
import { useI18n } from '../../i18n';
import { DateField } from '../minutes/LocaleDateTime';
import { ProblemMessage } from '../ProblemMessage';
import { AddAttendanceOnlyForm } from './AddAttendanceOnlyForm';
import { AttendanceSection } from './attendance/AttendanceSection';
import { ActionsSection, DecisionsSection } from './Registers';
import { ExportSection, type YearExport } from './ExportSection';
import { MeetingsSection } from './MeetingsSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  period: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  custom: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  navList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface YearPageProps {
  service: YearService;
  /** The caller's clock: "today" (the group's year, overdue actions, no future dates in the form). */
  now: Date;
  /** The appendix for the annual report; the button shows only when given. */
  onExportDocx?: YearExport;
  /** The registers as a workbook; the button shows only when given. */
  onExportXlsx?: YearExport;
  /** The page's title level: h1 on its own page, h2 under the tab's own title. */
  headingLevel?: 'h1' | 'h2';
}

type Read = { data?: YearData; reading?: { period: Period; progress?: YearProgress }; problem?: Problem };

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today in a zone; a zone Intl rejects gives the browser's. */
function todayIn(now: Date, timeZone: string): string {
  try {
    return dayIn(now.toISOString(), timeZone);
  } catch {
    return dayIn(now.toISOString(), browserZone());
  }
}

const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

/** The calendar year of a period that is exactly one (for "previous/next year"), else undefined. */
function wholeYear(period: Period): number | undefined {
  const year = Number(period.from.slice(0, 4));
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? year : undefined;
}

export function YearPage({ service, now, onExportDocx, onExportXlsx, headingLevel = 'h1' }: YearPageProps) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const ids = { meetings: useId(), decisions: useId(), actions: useId(), attendance: useId(), export: useId() };
  const [read, setRead] = useState<Read>({});
  const zone = read.data?.timeZone ?? browserZone();
  const today = todayIn(now, zone);
  const [period, setPeriod] = useState<Period>(() => groupYear(todayIn(now, browserZone())));
  const [custom, setCustom] = useState<{ from?: string; to?: string; error?: string } | undefined>();
  const [adding, setAdding] = useState(false);
  const ticket = useRef(0);

  const load = useCallback(
    (wanted: Period) => {
      const mine = ++ticket.current;
      setRead((r) => ({ data: r.data, reading: { period: wanted } }));
      service
        .read(wanted, (progress) => {
          if (mine === ticket.current) setRead((r) => ({ ...r, reading: { period: wanted, progress: { ...progress } } }));
        })
        .then(
          (data) => mine === ticket.current && setRead({ data }),
          (e: unknown) => {
            if (mine !== ticket.current) return;
            // The earlier period's figures stay only when they are this period's (a failed refresh).
            setRead((r) => ({ data: r.data && samePeriod(r.data.period, wanted) ? r.data : undefined, problem: toProblem(e) }));
          },
        );
    },
    [service],
  );

  useEffect(() => {
    load(period);
  }, [load, period]);

  const choose = (next: Period) => {
    if (samePeriod(next, period)) load(next);
    else setPeriod(next);
  };

  const year = wholeYear(period);
  const step = (by: number) => {
    const base = year ?? Number(period.from.slice(0, 4));
    setCustom(undefined);
    choose(groupYear(`${base + by}-01-01`));
  };

  const applyCustom = () => {
    if (!custom?.from || !custom.to) return setCustom({ ...custom, error: t('year.period.missing') });
    if (custom.from > custom.to) return setCustom({ ...custom, error: t('year.period.fromAfterTo') });
    setCustom({ from: custom.from, to: custom.to });
    choose({ from: custom.from, to: custom.to });
  };

  const data = read.data;
  const attendance = useMemo(() => (data ? attendanceYear(data.meetings, data.period, data.roster) : undefined), [data]);
  const stale = data !== undefined && !samePeriod(data.period, period);
  const progress = read.reading?.progress;
  const name = data?.groupName ?? service.group.name;
  const Heading = headingLevel === 'h1' ? 'h1' : 'h2';
  const Section = headingLevel === 'h1' ? 'h2' : 'h3';
  const periodText = (p: Period) => (wholeYear(p) !== undefined ? String(wholeYear(p)) : t('year.period.range', { from: p.from, to: p.to }));

  return (
    <div className={styles.page}>
      <Title2 as={Heading} className={styles.title}>
        {name ? tx('year.title', { name }) : t('year.titlePlain')}
      </Title2>

      <div role="group" aria-label={t('year.period.label')} className={styles.period}>
        <Button icon={<ChevronLeft20Regular />} onClick={() => step(-1)}>
          {t('year.period.previous')}
        </Button>
        <Text weight="semibold" aria-live="polite">
          {tx('year.period.showing', { period: periodText(period) })}
        </Text>
        <Button icon={<ChevronRight20Regular />} iconPosition="after" onClick={() => step(1)}>
          {t('year.period.next')}
        </Button>
        <Button appearance={custom ? 'primary' : 'secondary'} aria-expanded={custom !== undefined} onClick={() => setCustom(custom ? undefined : { from: period.from, to: period.to })}>
          {t('year.period.custom')}
        </Button>
      </div>
      {custom && (
        <form
          className={styles.custom}
          aria-label={t('year.period.custom')}
          onSubmit={(e) => {
            e.preventDefault();
            applyCustom();
          }}
        >
          <DateField label={t('year.period.from')} value={custom.from} onChange={(from) => setCustom({ ...custom, from, error: undefined })} validationState={custom.error ? 'error' : 'none'} />
          <DateField
            label={t('year.period.to')}
            value={custom.to}
            onChange={(to) => setCustom({ ...custom, to, error: undefined })}
            validationState={custom.error ? 'error' : 'none'}
            validationMessage={custom.error}
          />
          <Button type="submit" appearance="primary">
            {t('year.period.show')}
          </Button>
        </form>
      )}

      <div role="status" aria-live="polite">
        {read.reading && (
          <>
            <Text block>
              {progress && progress.of > 0 ? t('year.reading.files', { done: progress.done, of: progress.of }) : t('year.reading.folder')}
            </Text>
            <ProgressBar value={progress && progress.of > 0 ? progress.done / progress.of : undefined} thickness="large" aria-label={t('year.reading.label')} />
          </>
        )}
        {stale && read.reading && <Text block>{tx('year.reading.stale', { period: periodText(data.period) })}</Text>}
      </div>
      {read.problem && <ProblemMessage problem={read.problem} onRetry={() => load(period)} />}

      {data && attendance && (
        <div aria-busy={read.reading !== undefined} className={styles.page}>
          <nav aria-label={t('year.nav.label')} className={styles.nav}>
            <ul className={styles.navList}>
              {(
                [
                  ['meetings', 'year.meetings.title'],
                  ['decisions', 'year.decisions.title'],
                  ['actions', 'year.actions.title'],
                  ['attendance', 'year.attendance.title'],
                  ...(onExportDocx || onExportXlsx ? ([['export', 'year.export.title']] as const) : []),
                ] as const
              ).map(([id, key]) => (
                <li key={id}>
                  {/* A link for what it is, in the theme's link colour; it moves to the section without touching the tab's hash (which names the open meeting). */}
                  <Link
                    href={`#${ids[id]}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const heading = document.getElementById(ids[id]);
                      heading?.scrollIntoView({ block: 'start' });
                      heading?.focus({ preventScroll: true });
                    }}
                  >
                    {t(key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <section aria-labelledby={ids.meetings} className={styles.section}>
            <Title3 as={Section} id={ids.meetings} tabIndex={-1}>
              {t('year.meetings.title')}
            </Title3>
            <MeetingsSection data={data} headingId={ids.meetings} onAdd={() => setAdding(true)} adding={adding} />
            {adding && (
              <AddAttendanceOnlyForm
                service={service}
                data={data}
                today={today}
                headingLevel={Section === 'h2' ? 'h3' : 'h4'}
                onCancel={() => setAdding(false)}
                onSaved={() => {
                  setAdding(false);
                  load(period);
                }}
              />
            )}
          </section>

          <section aria-labelledby={ids.decisions} className={styles.section}>
            <Title3 as={Section} id={ids.decisions} tabIndex={-1}>
              {t('year.decisions.title')}
            </Title3>
            <DecisionsSection data={data} headingId={ids.decisions} />
          </section>

          <section aria-labelledby={ids.actions} className={styles.section}>
            <Title3 as={Section} id={ids.actions} tabIndex={-1}>
              {t('year.actions.title')}
            </Title3>
            <ActionsSection data={data} today={today} headingId={ids.actions} />
          </section>

          <section aria-labelledby={ids.attendance} className={styles.section}>
            <Title3 as={Section} id={ids.attendance} tabIndex={-1}>
              {t('year.attendance.title')}
            </Title3>
            <AttendanceSection attendance={attendance} period={data.period} />
          </section>

          {(onExportDocx || onExportXlsx) && (
            <section aria-labelledby={ids.export} className={styles.section}>
              <Title3 as={Section} id={ids.export} tabIndex={-1}>
                {t('year.export.title')}
              </Title3>
              <ExportSection data={data} onExportDocx={onExportDocx} onExportXlsx={onExportXlsx} />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
