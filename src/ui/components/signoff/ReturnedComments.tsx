// An approver's comment on returned minutes, shown beside the part it is about (or at the top of the
// sign-off panel when it names none), with who returned it. The comment is outside text: shown as text.

import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { OutsideText } from '../OutsideText';

export function ReturnedComments({ comments }: { comments: readonly { by: string; comment: string }[] | undefined }) {
  const { tx } = useI18n();
  if (!comments?.length) return null;
  return (
    <>
      {comments.map((c, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>
            {c.comment
              ? tx('signOff.returned', { name: <OutsideText text={c.by} />, comment: <OutsideText text={c.comment} /> })
              : tx('signOff.returned.noComment', { name: <OutsideText text={c.by} /> })}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
