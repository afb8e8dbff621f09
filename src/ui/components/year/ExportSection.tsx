// The spot for the exports (built beside this view, in year/export/): the appendix for the annual
// report as .docx and the registers as .xlsx. Each button shows only when its export is given, says
// while it works, and shows what went wrong with a retry; the page stays as it is.

import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { YearData } from '../../../app/yearService';
import { toProblem, type Problem } from '../../../domain/problems';
import type { Period } from '../../../domain/year';
import { useI18n } from '../../i18n';
import { ProblemMessage } from '../ProblemMessage';

/** Writes a file of the year and hands it to the person (download or save). */
export type YearExport = (data: YearData, period: Period) => Promise<void>;

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Kind = 'docx' | 'xlsx';

export function ExportSection({ data, onExportDocx, onExportXlsx }: { data: YearData; onExportDocx?: YearExport; onExportXlsx?: YearExport }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [busy, setBusy] = useState<Kind | undefined>();
  const [failed, setFailed] = useState<{ kind: Kind; problem: Problem } | undefined>();

  const run = (kind: Kind, exporter: YearExport) => {
    setBusy(kind);
    setFailed(undefined);
    exporter(data, data.period).then(
      () => setBusy(undefined),
      (e: unknown) => {
        setBusy(undefined);
        setFailed({ kind, problem: toProblem(e) });
      },
    );
  };

  const button = (kind: Kind, exporter: YearExport | undefined) =>
    exporter && (
      <Button icon={<ArrowDownload20Regular />} disabled={busy !== undefined} onClick={() => run(kind, exporter)}>
        {t(kind === 'docx' ? 'year.export.docx' : 'year.export.xlsx')}
      </Button>
    );

  return (
    <>
      <div className={styles.row}>
        {button('docx', onExportDocx)}
        {button('xlsx', onExportXlsx)}
      </div>
      <div role="status" aria-live="polite">
        {busy && <Spinner size="tiny" labelPosition="after" label={t(busy === 'docx' ? 'year.export.writingDocx' : 'year.export.writingXlsx')} />}
      </div>
      {failed && <ProblemMessage problem={failed.problem} onRetry={() => run(failed.kind, (failed.kind === 'docx' ? onExportDocx : onExportXlsx)!)} />}
    </>
  );
}
