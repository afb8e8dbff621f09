// "Add a meeting without minutes": a meeting held before the group used Justera, kept with its date,
// subject and who was there, so the year's attendance is complete. Everyone in the roster is listed
// by organisation (absent until marked otherwise); others are added from the directory. The service
// refuses a date already holding that meeting ('meeting-exists') or a date it cannot take ('bad-date'):
// the refusal shows beside the date, and nothing typed is lost whatever goes wrong.

import { Button, Field, Input, makeStyles, Radio, RadioGroup, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import { useCallback, useId, useMemo, useState } from 'react';
import type { YearData, YearService } from '../../../app/yearService';
import type { AttendanceStatus } from '../../../domain/attendance';
import type { PersonRef } from '../../../domain/minutes';
import { toProblem, type Problem } from '../../../domain/problems';
import { useI18n } from '../../i18n';
import { DateField } from '../minutes/LocaleDateTime';
import { PersonPicker } from '../minutes/PersonPicker';
import { ProblemMessage } from '../ProblemMessage';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  // Three choices side by side where they fit, one under the other at 320 px.
  radios: { display: 'flex', flexWrap: 'wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const STATUSES: AttendanceStatus[] = ['present', 'absent', 'excused'];

interface Row {
  person: PersonRef;
  organisation?: string;
  status: AttendanceStatus;
  /** Added by hand (not in the roster). */
  added?: boolean;
}

export interface AddAttendanceOnlyFormProps {
  service: Pick<YearService, 'addAttendanceOnly' | 'searchPeople'>;
  /** The year read: the group's name (the subject's default) and its roster. */
  data: Pick<YearData, 'groupName' | 'roster'>;
  /** YYYY-MM-DD in the group's zone: the latest date the meeting can have. */
  today: string;
  onSaved: () => void;
  onCancel: () => void;
  headingLevel?: 'h2' | 'h3' | 'h4';
}

export function AddAttendanceOnlyForm({ service, data, today, onSaved, onCancel, headingLevel = 'h3' }: AddAttendanceOnlyFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const [date, setDate] = useState<string | undefined>();
  const [subject, setSubject] = useState(data.groupName);
  const [rows, setRows] = useState<Row[]>(() =>
    data.roster.map((e) => ({ person: e.person, organisation: e.organisation ?? e.person.organisation, status: 'absent' })),
  );
  const [saving, setSaving] = useState(false);
  // One function for the picker's search, so its debounce is not restarted by every render.
  const searchPeople = useCallback((text: string) => service.searchPeople(text), [service]);
  const [dateError, setDateError] = useState<string | undefined>();
  const [subjectError, setSubjectError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const groups = useMemo(() => {
    const collator = new Intl.Collator('sv', { sensitivity: 'base' });
    const byOrg = new Map<string, Row[]>();
    for (const row of rows.filter((r) => !r.added)) {
      const org = row.organisation?.trim() ?? '';
      byOrg.set(org, [...(byOrg.get(org) ?? []), row]);
    }
    return [...byOrg.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
      .map(([org, people]) => ({ org, people: people.sort((a, b) => collator.compare(a.person.displayName, b.person.displayName)) }));
  }, [rows]);
  const added = rows.filter((r) => r.added);

  const setStatus = (key: string, status: AttendanceStatus) => setRows((all) => all.map((r) => (r.person.key === key ? { ...r, status } : r)));
  const add = (person: PersonRef | undefined) => {
    if (!person || rows.some((r) => r.person.key === person.key)) return;
    // Someone added by hand is added because they were there.
    setRows((all) => [...all, { person, organisation: person.organisation, status: 'present', added: true }]);
  };

  const save = async () => {
    const dateProblem = !date ? t('year.add.dateMissing') : date > today ? t('year.add.dateFuture') : undefined;
    const subjectProblem = subject.trim() ? undefined : t('year.add.subjectMissing');
    setDateError(dateProblem);
    setSubjectError(subjectProblem);
    setProblem(undefined);
    if (dateProblem || subjectProblem || !date) return;
    setSaving(true);
    try {
      await service.addAttendanceOnly({ date, subject: subject.trim(), attendance: rows.map(({ person, status }) => ({ person, status })) });
      setSaving(false);
      onSaved();
    } catch (e) {
      setSaving(false);
      const p = toProblem(e);
      if (p.code === 'meeting-exists') setDateError(t('year.add.exists'));
      else if (p.code === 'bad-date') setDateError(t('year.add.badDate'));
      else setProblem(p);
    }
  };

  const personField = (row: Row) => (
    <Field key={row.person.key} label={<bdi>{row.person.displayName}</bdi>}>
      <RadioGroup layout="horizontal" className={styles.radios} value={row.status} onChange={(_, d) => setStatus(row.person.key, d.value as AttendanceStatus)}>
        {STATUSES.map((s) => (
          <Radio key={s} value={s} label={t(`year.add.status.${s}`)} disabled={saving} />
        ))}
      </RadioGroup>
    </Field>
  );

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      aria-busy={saving}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Title3 as={headingLevel} id={headingId}>
        {t('year.add.title')}
      </Title3>
      <Text block>{t('year.add.intro')}</Text>
      <DateField
        label={t('year.add.date')}
        value={date}
        onChange={(d) => {
          setDate(d);
          setDateError(undefined);
        }}
        validationState={dateError ? 'error' : 'none'}
        validationMessage={dateError}
      />
      <Field label={t('year.add.subject')} validationState={subjectError ? 'error' : 'none'} validationMessage={subjectError}>
        <Input value={subject} onChange={(_, d) => setSubject(d.value)} disabled={saving} />
      </Field>

      {groups.length === 0 && <Text block>{t('year.add.noRoster')}</Text>}
      {groups.map(({ org, people }) => (
        <fieldset key={org} className={styles.fieldset}>
          <legend className={styles.legend}>{org ? <bdi>{org}</bdi> : t('year.add.noOrganisation')}</legend>
          {people.map(personField)}
        </fieldset>
      ))}
      {added.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('year.add.others')}</legend>
          {added.map(personField)}
        </fieldset>
      )}
      <PersonPicker label={t('year.add.person')} people={[]} searchPeople={searchPeople} onChange={add} />

      {problem && <ProblemMessage problem={problem} onRetry={() => void save()} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t('year.add.save')}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {t('year.add.cancel')}
        </Button>
        <div role="status" aria-live="polite">
          {saving && <Spinner size="tiny" labelPosition="after" label={t('year.add.saving')} />}
        </div>
      </div>
    </form>
  );
}
