// The group's own names for the header fields and sections of its template, and which of them the
// minutes show ("Visas"): a fieldset per field, named by the template's built-in name, with the
// group's name and a checkbox. Changes go through the domain's customise (withLabel); "reset"
// brings the built-in names back.

import { Button, Checkbox, Field, Input, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { builtInOf, resetLabels, withLabel, type HeaderFieldId, type SectionId, type Template, type TemplateField } from '../../domain/templates';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none' },
  group: { margin: 0, padding: 0, border: 'none', minWidth: 0 },
  row: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  name: { flexGrow: 1, minWidth: 0 },
  heading: { margin: 0 },
  reset: { alignSelf: 'flex-start' },
});

type Id = HeaderFieldId | SectionId;

function LabelRow({ field, builtIn, lang, onChange }: { field: TemplateField<Id>; builtIn: string; lang: string; onChange(change: { label?: string; show?: boolean }): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  // What is typed: an empty name is kept here until something is typed (the label never goes blank).
  const [text, setText] = useState(field.label);
  const [seen, setSeen] = useState(field.label);
  if (field.label !== seen) {
    setSeen(field.label);
    if (field.label !== text.trim()) setText(field.label);
  }
  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend} lang={lang}>
        {builtIn}
      </legend>
      <Field label={t('settings.labels.name')} className={styles.name} size="small">
        <Input
          size="small"
          value={text}
          maxLength={200}
          onChange={(_, d) => {
            setText(d.value);
            if (d.value.trim()) onChange({ label: d.value });
          }}
          onBlur={() => !text.trim() && setText(field.label)}
        />
      </Field>
      <Checkbox label={t('settings.labels.shown')} checked={field.show} onChange={(_, d) => onChange({ show: d.checked === true })} />
    </fieldset>
  );
}

function LabelList({ legend, fields, model, lang, onChange }: { legend: string; fields: readonly TemplateField<Id>[]; model?: readonly TemplateField<Id>[]; lang: string; onChange(id: Id, change: { label?: string; show?: boolean }): void }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.stack} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        {legend}
      </Subtitle2>
      <div className={styles.list}>
        {fields.map((f) => (
          <LabelRow key={f.id} field={f} builtIn={model?.find((m) => m.id === f.id)?.label ?? f.id} lang={lang} onChange={(change) => onChange(f.id, change)} />
        ))}
      </div>
    </section>
  );
}

export interface TemplateLabelsProps {
  template: Template;
  /** The heading that names this part of the page. */
  labelledBy: string;
  onChange(change: (template: Template) => Template): void;
}

export function TemplateLabels({ template, labelledBy, onChange }: TemplateLabelsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const model = builtInOf(template);
  const set = (id: Id, change: { label?: string; show?: boolean }) => onChange((tpl) => withLabel(tpl, id, change));
  return (
    <div className={styles.stack} role="group" aria-labelledby={labelledBy}>
      <Text>{t('settings.labels.hint')}</Text>
      <LabelList legend={t('settings.labels.header')} fields={template.header} model={model?.header} lang={template.language} onChange={set} />
      <LabelList legend={t('settings.labels.sections')} fields={template.sections} model={model?.sections} lang={template.language} onChange={set} />
      <Button className={styles.reset} onClick={() => onChange(resetLabels)}>
        {t('settings.labels.reset')}
      </Button>
    </div>
  );
}
