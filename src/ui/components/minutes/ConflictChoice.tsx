// Two versions of one field, shown beside it: what was typed here and what someone else saved at the
// same time (DESIGN.md, "Saving": both kept, never silently dropped). Each version has its own
// "Behåll denna"; until one is chosen, the version in the field stays there. That is the version of
// whoever merged the two, which is not always this person: a conflict also arrives with someone
// else's save (MinutesSync takes in others' saves while the page is open), so it is called "the
// version in the field", never "yours". Both versions are outside text (or untrusted HTML, shown
// sanitized).

import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { OutsideText } from '../OutsideText';
import { NotesPreview } from './NotesPreview';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    minWidth: 0,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThick} solid CanvasText` },
  },
  versions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  version: {
    flexGrow: 1,
    flexBasis: '12rem',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { whiteSpace: 'pre-wrap' },
});

export interface ConflictChoiceProps {
  /** What the field is called, for the group's name and the buttons ("Beslut 1", "Rubrik"). */
  field: string;
  ours: string;
  theirs: string;
  /** Notes are HTML: shown sanitized, never as markup from the file. */
  html?: boolean;
  onKeep(side: 'ours' | 'theirs'): void;
}

function Version({ text, html }: { text: string; html?: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!text.trim()) return <Caption1>{t('minutes.conflict.empty')}</Caption1>;
  return html ? <NotesPreview html={text} /> : <OutsideText text={text} className={styles.text} />;
}

export function ConflictChoice({ field, ours, theirs, html, onKeep }: ConflictChoiceProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.box} role="group" aria-label={t('minutes.conflict.group', { field })} data-conflict>
      <Text weight="semibold">{t('minutes.conflict.title')}</Text>
      <div className={styles.versions}>
        <div className={styles.version}>
          <Caption1>{t('minutes.conflict.ours')}</Caption1>
          <Version text={ours} html={html} />
          <Button size="small" onClick={() => onKeep('ours')} aria-label={t('minutes.conflict.keepOurs', { field })}>
            {t('minutes.conflict.keep')}
          </Button>
        </div>
        <div className={styles.version}>
          <Caption1>{t('minutes.conflict.theirs')}</Caption1>
          <Version text={theirs} html={html} />
          <Button size="small" onClick={() => onKeep('theirs')} aria-label={t('minutes.conflict.keepTheirs', { field })}>
            {t('minutes.conflict.keep')}
          </Button>
        </div>
      </div>
    </div>
  );
}
