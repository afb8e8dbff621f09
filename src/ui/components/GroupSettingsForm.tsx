// The group's settings as a form: the team and channel (shown, not chosen: Teams says where the tab
// is), the group's name, the Planner plan and where tasks go, the template with its sections, the
// default chair, secretary and adjusters (picked from the roster), and the roster itself. Gets the
// settings and callbacks; keeps no state of its own beyond what a control needs.

import {
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { PersonRef } from '../../domain/minutes';
import {
  addToRoster,
  refFromEntry,
  removeFromRoster,
  sameRef,
  templateChoices,
  updateRosterEntry,
  withTemplate,
  type GroupSettings,
  type RosterEntry,
} from '../../domain/settings';
import { isolate, useI18n } from '../i18n';
import { OutsideText } from './OutsideText';
import { RosterEditor } from './RosterEditor';
import { TemplateLabels } from './TemplateLabels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0 },
  narrow: { maxWidth: '28rem' },
  preview: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '28rem',
  },
  sections: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  roles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalL },
});

export interface PlanChoice {
  id: string;
  title: string;
}

export interface BucketChoice {
  id: string;
  name: string;
}

export interface GroupSettingsFormProps {
  draft: GroupSettings;
  /** Changes the settings: given the latest ones (never a stale copy), returns the next. */
  onUpdate(change: (draft: GroupSettings) => GroupSettings): void;
  teamName?: string;
  channelName?: string;
  /** The group's plans; undefined while they load. */
  plans?: readonly PlanChoice[];
  plansFailed?: boolean;
  /** The chosen plan's buckets: undefined while they load, 'failed' when they could not be read. */
  buckets?: readonly BucketChoice[] | 'failed';
  findPeople(text: string): Promise<RosterEntry[]>;
}

/** The text of an <option> naming a person: the name isolated, with the organisation. */
function personOption(p: PersonRef): string {
  return p.organisation ? `${isolate(p.displayName)} (${isolate(p.organisation)})` : isolate(p.displayName);
}

/** The people the role pickers offer: the roster, and a chosen person no longer on it (so the choice still shows). */
function pickable(roster: readonly RosterEntry[], chosen: readonly (PersonRef | undefined)[]): PersonRef[] {
  const refs = roster.map(refFromEntry);
  for (const p of chosen) if (p && !refs.some((r) => sameRef(r, p))) refs.push(p);
  return refs;
}

function SectionHeading({ id, level = 'h2', children }: { id: string; level?: 'h2' | 'h3'; children: string }) {
  const styles = useStyles();
  return (
    <Subtitle2 as={level} id={id} className={styles.heading}>
      {children}
    </Subtitle2>
  );
}

function GroupSection({ draft, onUpdate, teamName, channelName }: Pick<GroupSettingsFormProps, 'draft' | 'onUpdate' | 'teamName' | 'channelName'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('settings.group.heading')}</SectionHeading>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('settings.group.team')}</dt>
        <dd className={styles.value}>
          <OutsideText text={teamName ?? draft.group.teamId} />
        </dd>
        <dt className={styles.term}>{t('settings.group.channel')}</dt>
        <dd className={styles.value}>
          <OutsideText text={channelName ?? draft.group.channelId} />
          <Caption1 block>{t('settings.group.channelHint')}</Caption1>
        </dd>
      </dl>
      <Field label={t('settings.group.name')} hint={t('settings.group.nameHint')} className={styles.narrow}>
        <Input value={draft.group.name} onChange={(_, data) => onUpdate((d) => ({ ...d, group: { ...d.group, name: data.value } }))} />
      </Field>
    </section>
  );
}

function PlannerSection({ draft, onUpdate, plans, plansFailed, buckets }: Pick<GroupSettingsFormProps, 'draft' | 'onUpdate' | 'plans' | 'plansFailed' | 'buckets'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const known = plans ?? [];
  const missing = draft.planId && plans && !known.some((p) => p.id === draft.planId);
  const bucketId = typeof draft.bucketPolicy === 'object' ? draft.bucketPolicy.bucketId : undefined;
  const bucketList = Array.isArray(buckets) ? buckets : [];
  const firstBucket = bucketList[0]?.id;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('settings.planner.heading')}</SectionHeading>
      <Field
        label={t('settings.planner.plan')}
        className={styles.narrow}
        hint={plansFailed ? undefined : plans && plans.length === 0 ? t('settings.planner.noPlans') : undefined}
        validationState={plansFailed ? 'warning' : undefined}
        validationMessage={plansFailed ? t('settings.planner.plansFailed') : undefined}
      >
        <Select
          value={draft.planId ?? ''}
          onChange={(_, data) =>
            onUpdate((d) => {
              // Another plan has other buckets: tasks go per meeting until a bucket of the new plan is chosen.
              const next: GroupSettings = { ...d, planId: data.value, bucketPolicy: 'per-meeting' };
              if (!data.value) delete next.planId;
              return next;
            })
          }
        >
          <option value="">{t('settings.planner.none')}</option>
          {known.map((p) => (
            <option key={p.id} value={p.id}>
              {isolate(p.title || p.id)}
            </option>
          ))}
          {(missing || (!plans && draft.planId)) && <option value={draft.planId}>{plans ? t('settings.planner.missing', { id: draft.planId! }) : draft.planId}</option>}
        </Select>
      </Field>
      {plans === undefined && <Spinner size="tiny" label={t('settings.loading')} labelPosition="after" />}
      {draft.planId && (
        <>
          <RadioGroup
            aria-label={t('settings.planner.bucketPolicy')}
            value={bucketId === undefined ? 'per-meeting' : 'one'}
            onChange={(_, data) => onUpdate((d) => ({ ...d, bucketPolicy: data.value === 'one' && firstBucket ? { bucketId: bucketId ?? firstBucket } : 'per-meeting' }))}
          >
            <Caption1>{t('settings.planner.bucketPolicy')}</Caption1>
            <Radio value="per-meeting" label={t('settings.planner.perMeeting')} />
            <Radio value="one" label={t('settings.planner.oneBucket')} disabled={!firstBucket && bucketId === undefined} />
          </RadioGroup>
          {buckets === undefined && <Spinner size="tiny" label={t('settings.planner.bucketsLoading')} labelPosition="after" />}
          {buckets === 'failed' && <Text>{t('settings.planner.bucketsFailed')}</Text>}
          {bucketId !== undefined && (
            <Field label={t('settings.planner.bucket')} className={styles.narrow}>
              <Select value={bucketId} onChange={(_, data) => onUpdate((d) => ({ ...d, bucketPolicy: { bucketId: data.value } }))}>
                {bucketList.map((b) => (
                  <option key={b.id} value={b.id}>
                    {isolate(b.name || b.id)}
                  </option>
                ))}
                {!bucketList.some((b) => b.id === bucketId) && <option value={bucketId}>{t('settings.planner.bucketMissing')}</option>}
              </Select>
            </Field>
          )}
        </>
      )}
    </section>
  );
}

function TemplateSection({ draft, onUpdate }: Pick<GroupSettingsFormProps, 'draft' | 'onUpdate'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const previewId = useId();
  const labelsId = useId();
  const choices = templateChoices(draft);
  const chosen = choices.find((c) => c.id === draft.templateId) ?? choices[0]!;
  const sections = chosen.sections.filter((s) => s.show);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('settings.template.heading')}</SectionHeading>
      <Field label={t('settings.template.label')} className={styles.narrow}>
        <Select value={chosen.id} aria-describedby={previewId} onChange={(_, data) => onUpdate((d) => withTemplate(d, data.value))}>
          {choices.map((c) => (
            <option key={c.id} value={c.id} lang={c.language === 'sv' ? 'sv' : 'en'}>
              {isolate(c.name)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.preview} id={previewId} lang={chosen.language === 'sv' ? 'sv' : 'en'}>
        <Text weight="semibold" block>
          {t('settings.template.sections', { name: chosen.name })}
        </Text>
        <ol className={styles.sections} aria-label={t('settings.template.sections', { name: chosen.name })}>
          {sections.map((s) => (
            <li key={s.id}>
              <OutsideText text={s.label} />
            </li>
          ))}
        </ol>
        {chosen.numberedParagraphs && <Caption1 block>{t('settings.template.numbered')}</Caption1>}
      </div>
      <SectionHeading id={labelsId} level="h3">
        {t('settings.labels.heading', { name: chosen.name })}
      </SectionHeading>
      <TemplateLabels
        template={chosen}
        labelledBy={labelsId}
        onChange={(change) =>
          onUpdate((d) => {
            // The group keeps its own copy of the chosen template; the names change only there.
            const own = withTemplate(d, chosen.id);
            return { ...own, templates: own.templates.map((tpl) => (tpl.id === chosen.id ? change(tpl) : tpl)) };
          })
        }
      />
    </section>
  );
}

/** One role's person from the roster, or nobody: the chair and the secretary are chosen alike. */
function PersonSelect({ label, value, people, describedBy, onChange }: { label: string; value?: PersonRef; people: readonly PersonRef[]; describedBy: string; onChange(key: string): void }) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <Select value={value?.key ?? ''} aria-describedby={describedBy} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('settings.roles.nobody')}</option>
        {people.map((p) => (
          <option key={p.key} value={p.key}>
            {personOption(p)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function RolesSection({ draft, onUpdate }: Pick<GroupSettingsFormProps, 'draft' | 'onUpdate'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const { chair, secretary, adjusters } = draft.defaults;
  const people = pickable(draft.roster, [chair, secretary, ...adjusters]);
  const byKey = new Map(people.map((p) => [p.key, p]));
  const setOne = (role: 'chair' | 'secretary', key: string) =>
    onUpdate((d) => {
      const defaults = { ...d.defaults };
      const person = byKey.get(key);
      if (person) defaults[role] = person;
      else delete defaults[role];
      return { ...d, defaults };
    });
  const adjusterNames = adjusters.map((p) => p.displayName).join(', ');
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('settings.roles.heading')}</SectionHeading>
      <Caption1 id={hintId}>{t('settings.roles.hint')}</Caption1>
      <div className={styles.roles}>
        <PersonSelect label={t('settings.roles.chair')} value={chair} people={people} describedBy={hintId} onChange={(key) => setOne('chair', key)} />
        <PersonSelect label={t('settings.roles.secretary')} value={secretary} people={people} describedBy={hintId} onChange={(key) => setOne('secretary', key)} />
        <Field label={t('settings.roles.adjusters')}>
          <Dropdown
            multiselect
            aria-describedby={hintId}
            placeholder={t('settings.roles.adjustersNone')}
            value={adjusterNames}
            selectedOptions={adjusters.map((p) => p.key)}
            onOptionSelect={(_, data) => {
              const chosen = new Set(data.selectedOptions);
              onUpdate((d) => ({ ...d, defaults: { ...d.defaults, adjusters: people.filter((p) => chosen.has(p.key)) } }));
            }}
          >
            {people.map((p) => (
              <Option key={p.key} value={p.key} text={p.displayName}>
                <OutsideText text={p.displayName} />
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </section>
  );
}

function RosterSection({ draft, onUpdate, findPeople }: Pick<GroupSettingsFormProps, 'draft' | 'onUpdate' | 'findPeople'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('settings.roster.heading')}</SectionHeading>
      <Caption1>{t('settings.roster.hint')}</Caption1>
      <RosterEditor
        roster={draft.roster}
        labelledBy={headingId}
        onEntryChange={(key, change) => onUpdate((d) => updateRosterEntry(d, key, change))}
        onRemove={(key) => onUpdate((d) => removeFromRoster(d, key))}
        onAdd={(entry) => onUpdate((d) => ({ ...d, roster: addToRoster(d.roster, [entry]) }))}
        findPeople={findPeople}
      />
    </section>
  );
}

export function GroupSettingsForm(props: GroupSettingsFormProps) {
  const styles = useStyles();
  return (
    <div className={styles.form}>
      <GroupSection {...props} />
      <PlannerSection {...props} />
      <TemplateSection {...props} />
      <RolesSection {...props} />
      <RosterSection {...props} />
    </div>
  );
}
