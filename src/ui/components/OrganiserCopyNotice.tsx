// Where the list comes from when the secretary is not the organiser: who fetched the attendance and
// when (the organiser's Justera kept it in the minutes), or, while there is none, why not and the
// one action that asks the organiser for it. Once asked, it says so and does not offer a second mail.

import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { OrganiserCopy } from '../../domain/minutes';
import type { Problem } from '../../domain/problems';
import { useI18n } from '../i18n';
import { OutsideText } from './OutsideText';
import { ProblemMessage } from './ProblemMessage';

export interface OrganiserCopyNoticeProps {
  copy?: OrganiserCopy;
  userIsOrganiser: boolean;
  organiser: { displayName: string; email?: string };
  /** The meeting's zone, for when the copy was fetched. */
  timeZone: string;
  /** Whether asking still helps: no copy, or only the replies of a meeting that has ended. */
  canAsk: boolean;
  ask: { state: 'idle' } | { state: 'sending' } | { state: 'sent'; to: string } | { state: 'failed'; problem: Problem };
  onAsk(): void;
}

export function OrganiserCopyNotice({ copy, userIsOrganiser, organiser, timeZone, canAsk, ask, onAsk }: OrganiserCopyNoticeProps) {
  const { t, tx, day, time } = useI18n();
  if (userIsOrganiser) {
    return copy ? (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('organiserCopy.kept')}</MessageBarBody>
      </MessageBar>
    ) : null;
  }
  const fetched = copy && (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {tx(copy.source === 'report' ? 'organiserCopy.fetched.report' : 'organiserCopy.fetched.replies', {
          name: <OutsideText text={copy.fetchedBy.displayName} />,
          when: `${day(copy.fetchedAt, timeZone)} ${time(copy.fetchedAt, timeZone)}`,
        })}
      </MessageBarBody>
    </MessageBar>
  );
  if (!canAsk) return fetched ?? null;
  return (
    <>
      {fetched}
      {ask.state === 'sent' ? (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{tx('organiserCopy.asked', { name: <OutsideText text={ask.to} /> })}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {tx('organiserCopy.none', { name: <OutsideText text={organiser.displayName} /> })}
            {!organiser.email && <> {t('organiserCopy.noEmail')}</>}
          </MessageBarBody>
          {organiser.email && (
            <MessageBarActions>
              <Button onClick={onAsk} disabled={ask.state === 'sending'} aria-busy={ask.state === 'sending'} icon={ask.state === 'sending' ? <Spinner size="tiny" /> : undefined}>
                {ask.state === 'sending' ? t('organiserCopy.asking') : t('organiserCopy.ask')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {ask.state === 'failed' && <ProblemMessage problem={ask.problem} onRetry={onAsk} />}
    </>
  );
}
