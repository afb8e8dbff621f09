// "Publicera" in the secretary's minutes, once every approver has approved: one action puts the
// approved version in the channel (the Word file beside the minutes, a message with a summary and the
// file) and the actions in Planner, with the progress while it runs, what stopped it and that running
// it again is safe (publish.ts creates nothing twice), and afterwards what was created, with links,
// and whose task could not be assigned and why. Everything from outside is shown as text.

import { Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PublishResult, PublishStep, UnassignedOwner } from '../../../app/publish';
import type { SignOffService } from '../../../app/services';
import type { Publication, PersonRef } from '../../../domain/minutes';
import { toProblem, type Problem } from '../../../domain/problems';
import { directoryIdOf } from '../../../domain/signOff';
import type { Template } from '../../../domain/templates';
import { useI18n, type Translator } from '../../i18n';
import { OutsideText } from '../OutsideText';
import { ProblemMessage } from '../ProblemMessage';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface PublishPanelProps {
  service: SignOffService;
  /** Every approver approved the current round, and the minutes are as approved. */
  approved: boolean;
  publication?: Publication;
  publisher: PersonRef;
  template: Pick<Template, 'header' | 'numberedParagraphs'>;
  meeting: { key: string; iCalUId?: string; start: string };
  /** When it was published, in the meeting's zone. */
  when(iso: string): string;
  actions: number;
}

/** Why publish.ts would not start (Problem codes): said as such, not as a failure to retry. */
type Refusal = 'not-approved' | 'changed' | 'no-plan' | 'no-bucket';
const REFUSALS = new Set<string>(['not-approved', 'changed', 'no-plan', 'no-bucket'] satisfies Refusal[]);

function stepText(t: Translator['t'], step: PublishStep): string {
  return step.step === 'tasks' ? t('publish.step.tasks', { done: step.done, of: step.of }) : t(`publish.step.${step.step}`);
}

function Unassigned({ owners }: { owners: readonly UnassignedOwner[] }) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  if (!owners.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {t('publish.unassigned')}
        <ul className={styles.list}>
          {owners.map((o, i) => (
            <li key={i}>
              {tx(o.owner ? 'publish.unassigned.owner' : 'publish.unassigned.noOwner', {
                title: <OutsideText text={o.title} />,
                name: <OutsideText text={o.owner?.displayName ?? ''} />,
                reason: t(`publish.reason.${o.reason}`),
              })}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function PublishPanel({ service, approved, publication, publisher, template, meeting, when, actions }: PublishPanelProps) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const ids = useId();
  const [step, setStep] = useState<PublishStep | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [result, setResult] = useState<PublishResult | undefined>();
  const running = step !== undefined;
  const userId = directoryIdOf(publisher);

  const run = async () => {
    if (!userId) return;
    setProblem(undefined);
    setStep({ step: 'reading' });
    try {
      setResult(await service.publish({ publisher: { ...publisher, userId }, template, meeting }, setStep));
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setStep(undefined);
    }
  };

  return (
    <section className={styles.panel} aria-labelledby={`${ids}-heading`}>
      <Subtitle2 as="h3" className={styles.heading} id={`${ids}-heading`}>
        {t('publish.heading')}
      </Subtitle2>
      {publication ? (
        <>
          <MessageBar intent="success" layout="multiline" role="status">
            <MessageBarBody>
              {tx('publish.done', { when: when(publication.publishedAt), by: <OutsideText text={publication.publishedBy.displayName} />, tasks: publication.tasks.length })}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label={t('publish.created')}>
            <li>
              {publication.message.webUrl ? (
                <Link href={publication.message.webUrl} target="_blank" rel="noreferrer">
                  {t('publish.message')}
                </Link>
              ) : (
                t('publish.message')
              )}
            </li>
            <li>
              <Link href={publication.document.webUrl} target="_blank" rel="noreferrer">
                {tx('publish.document', { name: <OutsideText text={publication.document.name} /> })}
              </Link>
            </li>
            <li>
              {tx('publish.tasks', { count: publication.tasks.length, bucket: <OutsideText text={publication.bucket?.name ?? ''} /> })}
              <ul className={styles.list}>
                {publication.tasks.map((task) => (
                  <li key={task.taskId}>
                    <OutsideText text={task.title} />
                    {task.unassigned && <Caption1> – {t(`publish.reason.${task.unassigned}`)}</Caption1>}
                  </li>
                ))}
              </ul>
            </li>
          </ul>
          {result && <Unassigned owners={result.unassigned} />}
          {result?.shortened && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('publish.shortened')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      ) : approved ? (
        <>
          <Text block>{t('publish.what', { count: actions })}</Text>
          {!service.hasPlan && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('publish.noPlan')}</MessageBarBody>
            </MessageBar>
          )}
          {!userId && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('publish.noAccount')}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={running || !service.hasPlan || !userId} onClick={() => void run()}>
              {problem ? t('publish.retry') : t('publish.button')}
            </Button>
            {step && <Spinner size="tiny" label={stepText(t, step)} role="status" aria-live="polite" />}
          </div>
          {problem &&
            (problem.code && REFUSALS.has(problem.code) ? (
              // Nothing was created: what stops publishing, in the page's words.
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t(`publish.refused.${problem.code as Refusal}`)}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <ProblemMessage problem={problem} />
                <Text block>{t('publish.safeToRetry')}</Text>
              </>
            ))}
        </>
      ) : (
        <Text block>{t('publish.notApproved')}</Text>
      )}
    </section>
  );
}
