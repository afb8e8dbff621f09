// The group's setup, as the configuration page shows it: reads the settings file in the channel (or,
// for a group that has none, a suggestion prefilled from the team, the directory and Planner), lets
// the secretary change it, and writes it with If-Match. Nothing typed is lost: a failed save keeps the
// form as it is and says why; when someone else saved first, their version is shown and ours is kept,
// one button away. Loaded lazily with the services (the entry only has TabConfigPage).

import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SETTINGS_NEWER, SETTINGS_UNREADABLE, type GroupContext, type GroupSettingsService, type SettingsFolder } from '../../app/groupSettings';
import { toProblem, type Problem } from '../../domain/problems';
import { sameSettings, type GroupSettings } from '../../domain/settings';
import { useI18n, type Translator } from '../i18n';
import { GroupSettingsForm, type BucketChoice, type PlanChoice } from './GroupSettingsForm';
import { ProblemMessage } from './ProblemMessage';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Stays in sight at the foot of the frame while the form scrolls: the status and Save.
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: { flex: '1 1 12rem', minWidth: 0 },
});

export interface GroupSettingsPageProps {
  service: GroupSettingsService;
  context: GroupContext;
  /**
   * Tells the page around it how to save (the host's Save runs it before it saves the tab), or
   * undefined while there is nothing that can be saved (loading, or the settings could not be read).
   */
  bindSave(save: (() => Promise<void>) | undefined): void;
}

interface Ready {
  folder: SettingsFolder;
  eTag?: string;
  /** What the file holds as far as we know; undefined while the group has never been saved. */
  base?: GroupSettings;
  savedBy?: string;
  savedAt?: string;
}

type Phase = { kind: 'loading'; prefilling: boolean } | { kind: 'failed'; problem: Problem } | { kind: 'ready' };

/** Someone saved first: theirs is shown; ours is kept to be taken back. */
interface Conflict {
  mine: GroupSettings;
  savedBy?: string;
  savedAt?: string;
}

/** When a save was, as a person reads it: "23 nov. 2026 09:05". */
function when(t: Translator, iso: string | undefined): string {
  if (!iso) return '';
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${t.date(iso, zone)} ${t.time(iso, zone)}`;
}

/** What a failed save says, on the page and to Teams (which shows it beside its Save button). */
function saveProblemText(t: Translator, problem: Problem): string {
  if (problem.kind === 'forbidden') return t.t('settings.saveFailed.forbidden');
  if (problem.kind === 'offline') return t.t('settings.saveFailed.offline');
  if (problem.kind === 'signed-out' || problem.kind === 'throttled' || problem.kind === 'server') return `${t.t(`problem.${problem.kind}`)} ${t.t('settings.saveFailed.other')}`;
  return t.t('settings.saveFailed.other');
}

function warningText(t: Translator, warnings: readonly Problem[]): string {
  const what = new Set(
    warnings.map((w) => {
      const message = w.message.toLowerCase();
      if (message.includes('planner')) return t.t('settings.warning.planner');
      if (message.includes('/users')) return t.t('settings.warning.directory');
      return t.t('settings.warning.other');
    }),
  );
  return t.t('settings.warnings', { what: [...what].join(', ') });
}

function LoadFailed({ problem, onRetry }: { problem: Problem; onRetry(): void }) {
  const { t } = useI18n();
  const unreadable = problem.kind === 'bad-data' && (problem.code === SETTINGS_UNREADABLE || problem.code === SETTINGS_NEWER);
  if (problem.kind !== 'forbidden' && !unreadable) return <ProblemMessage problem={problem} onRetry={onRetry} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(problem.kind === 'forbidden' ? 'settings.load.forbidden.title' : 'settings.load.unreadable.title')}</MessageBarTitle>
        {t(problem.kind === 'forbidden' ? 'settings.load.forbidden' : problem.code === SETTINGS_NEWER ? 'settings.load.newer' : 'settings.load.unreadable')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('settings.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function GroupSettingsPage({ service, context, bindSave }: GroupSettingsPageProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', prefilling: false });
  const [ready, setReady] = useState<Ready | undefined>();
  const [draft, setDraft] = useState<GroupSettings | undefined>();
  const [warnings, setWarnings] = useState<Problem[]>([]);
  const [plans, setPlans] = useState<PlanChoice[] | undefined>();
  const [plansFailed, setPlansFailed] = useState(false);
  const [buckets, setBuckets] = useState<BucketChoice[] | 'failed' | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const alertRef = useRef<HTMLDivElement>(null);
  const teamId = context.team.id;
  const channelId = context.channel.id;
  const groupId = context.team.groupId;

  const load = useCallback(async () => {
    setPhase({ kind: 'loading', prefilling: false });
    setSaveProblem(undefined);
    setConflict(undefined);
    // The plans are needed either way: ask for them beside the settings, not after.
    const plansLoaded = groupId ? service.plans(groupId).then((p) => p, () => undefined) : Promise.resolve([]);
    try {
      const loaded = await service.load(teamId, channelId);
      let fallbackPlans: PlanChoice[] = [];
      if (loaded.settings) {
        setReady({ folder: loaded.folder, eTag: loaded.eTag, base: loaded.settings, savedBy: loaded.savedBy, savedAt: loaded.savedAt });
        setDraft(loaded.settings);
        setWarnings([]);
      } else {
        setPhase({ kind: 'loading', prefilling: true });
        const prefilled = await service.prefill(context);
        setReady({ folder: loaded.folder });
        setDraft(prefilled.settings);
        setWarnings(prefilled.warnings);
        fallbackPlans = prefilled.plans;
      }
      const found = await plansLoaded;
      setPlans(found ?? fallbackPlans);
      setPlansFailed(found === undefined && fallbackPlans.length === 0);
      setPhase({ kind: 'ready' });
    } catch (e) {
      setPhase({ kind: 'failed', problem: toProblem(e) });
    }
  }, [service, teamId, channelId, groupId, context]);

  useEffect(() => {
    void load();
  }, [load]);

  // The chosen plan's buckets, for "always the same bucket".
  const planId = draft?.planId;
  useEffect(() => {
    if (!planId) return;
    let current = true;
    setBuckets(undefined);
    service.buckets(planId).then(
      (found) => current && setBuckets(found),
      () => current && setBuckets('failed'),
    );
    return () => {
      current = false;
    };
  }, [service, planId]);

  const save = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    if (!ready || !draft) return Promise.reject(new Error(t('settings.notReady')));
    if (ready.base && sameSettings(draft, ready.base)) return Promise.resolve();
    const sent = draft;
    const run = (async () => {
      setSaving(true);
      setSaveProblem(undefined);
      try {
        const saved = await service.save(ready.folder, sent, ready.eTag);
        setReady({ folder: ready.folder, eTag: saved.eTag, base: saved.settings, savedBy: saved.savedBy, savedAt: saved.savedAt });
        // What was typed while saving stays; what was saved is the new base.
        setDraft((d) => (d === sent ? saved.settings : d));
        setConflict(undefined);
      } catch (e) {
        const problem = toProblem(e);
        if (problem.kind === 'conflict') {
          const theirs = await service.load(teamId, channelId).catch((again: unknown) => {
            setSaveProblem(toProblem(again));
            throw new Error(saveProblemText(i18n, toProblem(again)), { cause: again });
          });
          // A retried write that met its own first attempt: the file already says what we sent.
          if (theirs.settings && sameSettings(theirs.settings, sent)) {
            setReady({ folder: theirs.folder, eTag: theirs.eTag, base: theirs.settings, savedBy: theirs.savedBy, savedAt: theirs.savedAt });
            setDraft((d) => (d === sent ? theirs.settings : d));
            return;
          }
          setReady({ folder: theirs.folder, eTag: theirs.eTag, base: theirs.settings, savedBy: theirs.savedBy, savedAt: theirs.savedAt });
          if (theirs.settings) setDraft(theirs.settings);
          setConflict({ mine: sent, savedBy: theirs.savedBy, savedAt: theirs.savedAt });
          throw new Error(t('settings.conflict.host'), { cause: e });
        }
        setSaveProblem(problem);
        throw new Error(saveProblemText(i18n, problem), { cause: e });
      } finally {
        setSaving(false);
        inFlight.current = undefined;
      }
    })();
    inFlight.current = run;
    return run;
  }, [ready, draft, service, teamId, channelId, i18n, t]);

  useEffect(() => {
    bindSave(phase.kind === 'ready' ? save : undefined);
  }, [bindSave, save, phase.kind]);
  useEffect(() => () => bindSave(undefined), [bindSave]);

  // A failed save is said where the eyes are: Teams' Save button is outside this page.
  useEffect(() => {
    if (saveProblem || conflict) alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [saveProblem, conflict]);

  const onUpdate = useCallback((change: (d: GroupSettings) => GroupSettings) => setDraft((d) => (d ? change(d) : d)), []);

  if (phase.kind === 'failed') return <LoadFailed problem={phase.problem} onRetry={() => void load()} />;
  if (phase.kind === 'loading' || !draft || !ready) {
    return <Spinner label={t(phase.kind === 'loading' && phase.prefilling ? 'settings.prefilling' : 'settings.loading')} labelPosition="below" />;
  }

  const dirty = !ready.base || !sameSettings(draft, ready.base);
  const status = saving
    ? t('settings.saving')
    : !ready.base
      ? t('settings.neverSaved')
      : dirty
        ? t('settings.unsaved')
        : ready.savedBy
          ? undefined
          : t('settings.savedNoName', { when: when(i18n, ready.savedAt ?? ready.base.updatedAt) });

  return (
    <div className={styles.page}>
      <div ref={alertRef}>
        {saveProblem && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('settings.saveFailed.title')}</MessageBarTitle>
              {saveProblemText(i18n, saveProblem)}
            </MessageBarBody>
          </MessageBar>
        )}
        {conflict && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('settings.conflict.title')}</MessageBarTitle>
              {tx('settings.conflict.body', { name: conflict.savedBy ?? t('settings.conflict.someone'), when: when(i18n, conflict.savedAt) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  setDraft(conflict.mine);
                  setConflict(undefined);
                }}
              >
                {t('settings.conflict.useMine')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{warningText(i18n, warnings)}</MessageBarBody>
        </MessageBar>
      )}
      <GroupSettingsForm
        draft={draft}
        onUpdate={onUpdate}
        teamName={context.team.name}
        channelName={context.channel.name}
        plans={plans}
        plansFailed={plansFailed}
        buckets={draft.planId ? buckets : []}
        findPeople={service.findPeople}
      />
      <div className={styles.bar}>
        <div className={styles.status} role="status" aria-live="polite">
          {saving && <Spinner size="tiny" label={status} labelPosition="after" />}
          {!saving && status && <Text>{status}</Text>}
          {!saving && !status && ready.savedBy && <Text>{tx('settings.saved', { when: when(i18n, ready.savedAt), name: ready.savedBy })}</Text>}
        </div>
        <Button appearance="primary" icon={<Save20Regular />} disabled={saving} onClick={() => void save().catch(() => undefined)}>
          {t('settings.save')}
        </Button>
      </div>
    </div>
  );
}
