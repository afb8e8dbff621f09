// The approval view in the Teams tab, for an approver of the open minutes' current round (the last of
// minutes.signOff.rounds) who is not their secretary: the same view as in the Outlook pane, above the
// minutes. Nothing shows for anyone else. The view is a lazy chunk: most people who open minutes are
// not approvers.

import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { OpenedMinutes } from '../../../app/openMinutes';
import type { Services } from '../../../app/services';
import type { Minutes } from '../../../domain/minutes';
import { directoryIdOf, sameId, type SignOffRound } from '../../../domain/signOff';
import { useI18n } from '../../i18n';

const LoadedApproval = lazy(() => import(/* webpackChunkName: "approval-view" */ './LoadedApproval'));

/** The current round of sign-off, if the minutes were sent. (Minutes.signOff comes with the secretary's side of issue 11; read defensively until then.) */
export function currentRound(minutes: Minutes): SignOffRound | undefined {
  return (minutes as { signOff?: { rounds?: SignOffRound[] } }).signOff?.rounds?.at(-1);
}

/** Whether the signed-in person answers this round here: named as an approver, and not the minutes' secretary. */
export function answersInTab(minutes: Minutes, round: SignOffRound | undefined, me: string): round is SignOffRound {
  if (!round || sameId(minutes.header.secretary && directoryIdOf(minutes.header.secretary), me)) return false;
  return round.approvers.some((a) => sameId(directoryIdOf(a), me));
}

function RoundApproval({ services, opened, iCalUId, version }: { services: Pick<Services, 'approval'>; opened: OpenedMinutes; iCalUId: string; version: string }) {
  const { t } = useI18n();
  const loading = <Spinner size="tiny" label={t('approval.loading')} />;
  const load = async () => ({ outcome: await services.approval.fromRound(opened.folder, iCalUId, version), answer: services.approval.answer });
  return (
    <Suspense fallback={loading}>
      <LoadedApproval load={load} loadKey={`${iCalUId} ${version}`} loadingLabel={t('approval.loading')} />
    </Suspense>
  );
}

export function TabApproval({ services, opened, me, iCalUId }: { services: Pick<Services, 'approval'>; opened: OpenedMinutes; me: { directoryId: string }; iCalUId?: string }) {
  const minutes = useSyncExternalStore(
    (l) => opened.sync.subscribe(l),
    () => opened.sync.minutes,
  );
  const round = currentRound(minutes);
  if (!iCalUId || !answersInTab(minutes, round, me.directoryId)) return null;
  return <RoundApproval services={services} opened={opened} iCalUId={iCalUId} version={round.version} />;
}
