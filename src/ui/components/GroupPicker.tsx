// Which group a meeting belongs to, when it was opened outside a channel ("My meetings", the
// meeting's side panel or tab): a search while Justera looks (app/meetingGroup.ts), then the group it
// found (the minutes open at once), or the groups with Justera set up to choose from, or what to do
// when there are none. Narrow enough for the 320 px side panel: one column, names wrap.

import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ChosenGroup, GroupSearch, MeetingGroup } from '../../app/meetingGroup';
import { toProblem, type Problem } from '../../domain/problems';
import { useI18n } from '../i18n';
import { ProblemMessage } from './ProblemMessage';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // Team and channel names come from outside and may be long: they wrap rather than widen the panel.
  option: { overflowWrap: 'anywhere', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

type State =
  | { phase: 'searching' }
  | { phase: 'failed'; problem: Problem }
  | { phase: 'choose'; candidates: MeetingGroup[]; several: boolean; warnings: Problem[] }
  | { phase: 'choosing'; candidates: MeetingGroup[]; several: boolean; warnings: Problem[] };

const idOf = (g: MeetingGroup) => `${g.teamId}|${g.channelId}`;

export interface GroupPickerProps {
  /** Looks for the group (the device's memory, then the groups' settings). */
  find: (opts: { ignoreDevice?: boolean }) => Promise<GroupSearch>;
  /** Remembers the pick: in the group's settings for a series, and on the device. */
  choose: (group: MeetingGroup) => Promise<ChosenGroup>;
  onChosen: (chosen: ChosenGroup) => void;
  /** The meeting is one of a series (the group will remember the series). */
  recurring: boolean;
  /** "Choose another group": search past what the device remembers, and always ask. */
  ignoreDevice?: boolean;
}

export function GroupPicker({ find, choose, onChosen, recurring, ignoreDevice }: GroupPickerProps) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const headingId = useId();
  const [state, setState] = useState<State>({ phase: 'searching' });
  const [selected, setSelected] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<Problem | undefined>();

  useEffect(() => {
    let live = true;
    setState({ phase: 'searching' });
    find({ ignoreDevice }).then(
      (found) => {
        if (!live) return;
        if (found.kind === 'found') return onChosen({ group: found.group });
        setState({ phase: 'choose', candidates: found.candidates, several: found.several, warnings: found.warnings });
        if (found.candidates.length === 1) setSelected(idOf(found.candidates[0]!));
      },
      (e: unknown) => live && setState({ phase: 'failed', problem: toProblem(e) }),
    );
    return () => {
      live = false;
    };
    // Searched once per meeting (and on "search again"); the callbacks' identities do not matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, ignoreDevice]);

  const onChoose = useCallback(async () => {
    if (state.phase !== 'choose') return;
    const group = state.candidates.find((c) => idOf(c) === selected);
    if (!group) return;
    setProblem(undefined);
    setState({ ...state, phase: 'choosing' });
    try {
      onChosen(await choose(group));
    } catch (e) {
      setProblem(toProblem(e));
      setState({ ...state, phase: 'choose' });
    }
  }, [state, selected, choose, onChosen]);

  if (state.phase === 'searching') return <Spinner label={t('meetingGroup.searching')} labelPosition="below" aria-live="polite" />;
  if (state.phase === 'failed') return <ProblemMessage problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />;

  const unreadable = state.warnings.length > 0 && (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{t('meetingGroup.someUnreadable')}</MessageBarBody>
    </MessageBar>
  );
  if (state.candidates.length === 0) {
    return (
      <div className={styles.picker}>
        {unreadable}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('meetingGroup.none')}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button onClick={() => setAttempt((n) => n + 1)}>{t('meetingGroup.searchAgain')}</Button>
        </div>
      </div>
    );
  }

  const busy = state.phase === 'choosing';
  return (
    <section className={styles.picker} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t('meetingGroup.question')}
      </Subtitle2>
      <Text>{t(state.several ? 'meetingGroup.several' : recurring ? 'meetingGroup.hintSeries' : 'meetingGroup.hintSingle')}</Text>
      {unreadable}
      <RadioGroup aria-labelledby={headingId} value={selected ?? ''} onChange={(_, data) => setSelected(data.value)} disabled={busy}>
        {state.candidates.map((c) => (
          <Radio key={idOf(c)} value={idOf(c)} className={styles.option} label={<>{tx('meetingGroup.option', { team: c.teamName, channel: c.channelName })}</>} />
        ))}
      </RadioGroup>
      {problem && <ProblemMessage problem={problem} onRetry={() => void onChoose()} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={!selected || busy} onClick={() => void onChoose()} aria-busy={busy}>
          {t('meetingGroup.choose')}
        </Button>
        {busy && <Spinner size="tiny" label={t('meetingGroup.choosing')} aria-live="polite" />}
      </div>
      <Caption1>{t('meetingGroup.notListed')}</Caption1>
    </section>
  );
}
