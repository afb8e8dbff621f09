// The template and language of open minutes, switched in place: the group's templates (its own
// copies and the built-in ones) in the minutes' language, and Swedish or English (the same kind of
// template in the other language). Only the words and the numbering change (domain switchTemplate);
// everything written stays.

import { Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Minutes } from '../../../domain/minutes';
import { inLanguage, switchTemplate, templatesOf, type Language, type Template } from '../../../domain/templates';
import { isolate, useI18n } from '../../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  field: { minWidth: '10rem', flexGrow: 1, flexBasis: '12rem', maxWidth: '20rem' },
});

const LANGUAGES: readonly Language[] = ['sv', 'en'];

export interface TemplateSwitchProps {
  template: Template;
  /** The group's own templates (from its settings). */
  groupTemplates: readonly Template[];
  update(change: (m: Minutes) => Minutes): void;
}

export function TemplateSwitch({ template, groupTemplates, update }: TemplateSwitchProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const hintId = useId();
  const choices = templatesOf(groupTemplates).filter((c) => c.language === template.language);
  if (!choices.some((c) => c.id === template.id)) choices.unshift(template);
  const choose = (next: Template) => update((m) => switchTemplate(m, next));
  return (
    <div className={styles.row} role="group" aria-label={t('minutes.template.label')} aria-describedby={hintId}>
      <Field label={t('minutes.template.label')} className={styles.field}>
        <Select value={template.id} onChange={(_, d) => choose(choices.find((c) => c.id === d.value) ?? template)}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {isolate(c.name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('minutes.template.language')} className={styles.field}>
        <Select value={template.language} onChange={(_, d) => choose(inLanguage(template, d.value === 'en' ? 'en' : 'sv', groupTemplates))}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`minutes.template.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 id={hintId}>{t('minutes.template.hint')}</Caption1>
    </div>
  );
}
