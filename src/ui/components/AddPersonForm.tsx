// Someone who took part without being in the invitation or the report (sat in the room, joined on
// a colleague's laptop): the secretary adds them by hand, with their organisation, as present.

import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
});

export function AddPersonForm({ onAdd }: { onAdd(person: { displayName: string; organisation?: string }): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const headingId = useId();
  if (!open) {
    return (
      <Button icon={<PersonAdd20Regular />} onClick={() => setOpen(true)}>
        {t('attendance.add.open')}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const displayName = name.trim();
    if (!displayName) return;
    onAdd({ displayName, organisation: organisation.trim() || undefined });
    setName('');
    setOrganisation('');
    setOpen(false);
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={headingId}>
      <span id={headingId} hidden>
        {t('attendance.add.open')}
      </span>
      <Field className={styles.field} label={t('attendance.add.name')} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus maxLength={200} />
      </Field>
      <Field className={styles.field} label={t('attendance.add.organisation')}>
        <Input value={organisation} onChange={(_, d) => setOrganisation(d.value)} maxLength={200} />
      </Field>
      <Button appearance="primary" type="submit" disabled={!name.trim()}>
        {t('attendance.add.submit')}
      </Button>
      <Button onClick={() => setOpen(false)}>{t('attendance.add.cancel')}</Button>
    </form>
  );
}
