// The attendance charts themselves: Fluent's horizontal bar chart (d3 underneath), in a chunk of its
// own ("charts") that AttendanceSection loads with React.lazy only when attendance is shown, so the
// tab's first load does not carry d3. The figure, its caption, its text alternative and its table
// are the section's; this module draws the bars only.

import { HorizontalBarChartWithAxis, type HorizontalBarChartWithAxisDataPoint } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../../i18n';
import type { RepresentationPoint } from './representationSeries';

const useStyles = makeStyles({
  // The chart fits its parent's width (it measures it), so the parent must not be wider than the page.
  root: { width: '100%', minWidth: 0, color: tokens.colorNeutralForeground1 },
});

/** Room per bar, so that a long roster makes a taller chart rather than thinner bars. */
const BAR_ROW_PX = 32;
const AXES_PX = 56;

/**
 * Room on the left for the longest name: the library's own measure cuts long names on the left
 * ("gion Östmark") in Chromium, so the margin is given, from the name's length at the axis' 12 px
 * font, within bounds that leave the bars most of a 320 px panel.
 */
function labelRoom(series: readonly RepresentationPoint[]): number {
  const longest = Math.max(0, ...series.map((p) => p.label.length));
  return Math.min(220, Math.max(60, Math.round(longest * 7.2) + 20));
}

export interface RepresentationChartProps {
  series: RepresentationPoint[];
  /** What the chart's svg is called for a screen reader: the figure's caption. */
  title: string;
  /** The id of the figure's text alternative and table note. */
  describedBy: string;
}

export function RepresentationChart({ series, title, describedBy }: RepresentationChartProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const of = series[0]?.of ?? 0;
  // The chart takes its height from its parent's box.
  const height = AXES_PX + BAR_ROW_PX * Math.max(series.length, 1);
  // The library draws the first point at the bottom: reversed, the bars read top-down in the table's order.
  const data: HorizontalBarChartWithAxisDataPoint[] = [...series].reverse().map((p) => ({
    x: p.value,
    y: p.label,
    // The bar's own name for a screen reader and the tooltip: the same sentence as the text alternative.
    callOutAccessibilityData: { ariaLabel: t('year.attendance.chart.point', { label: p.label, value: p.value, of: p.of }) },
    xAxisCalloutData: t('year.attendance.ofCounted', { value: p.value, of: p.of }),
  }));
  return (
    <div className={styles.root} style={{ height }}>
      <HorizontalBarChartWithAxis
        data={data}
        height={height}
        // Colours from the theme (a CSS variable): the bars follow the light or dark theme the tab is in.
        colors={[tokens.colorBrandBackground]}
        useSingleColor
        hideLegend
        xMaxValue={Math.max(of, 1)}
        // Whole meetings only: no more ticks than meetings, so the axis never shows 0.5.
        xAxisTickCount={Math.min(Math.max(of, 1), 5)}
        xAxisTitle={t('year.attendance.chart.axis')}
        // Organisation names in full: the chart makes room for the longest rather than cutting "Regi...".
        showYAxisLables
        margins={{ left: labelRoom(series) }}
        barHeight={18}
        culture={locale}
        // The library names its svg in English ("Horizontal bar chart with 3 bars"); ours says what it shows.
        svgProps={{ 'aria-label': title, 'aria-describedby': describedBy }}
      />
    </div>
  );
}

export default RepresentationChart;
