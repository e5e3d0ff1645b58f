/**
 * The office's charts: SVG drawn by React with d3-scale's scales (no chart
 * library, no canvas), so they print sharp and read in black and white —
 * each bar carries its figure as text and every segment has an outline.
 * A chart is an image with a name; its figures are in the table that follows
 * it (FigureTable), which screen readers use.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Fill colours of stacked segments, distinguishable in greyscale too (light to dark). */
export const SEGMENT_COLOURS = [
  '#c6dbef',
  '#6baed6',
  '#2171b5',
  '#08306b',
  '#fdd0a2',
  '#fd8d3c',
  '#d94801',
  '#7f2704',
  '#c7e9c0',
  '#41ab5d',
];

const WIDTH = 640;
const LABEL = 210;
const ROW = 30;
const VALUE_ROOM = 70;

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The figure written at the end of the bar. */
  text: string;
}

function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The scales of a chart of horizontal bars: value → length, and each row's key → its band. */
function rowScales(keys: string[], largest: number, bottom: number) {
  const x = scaleLinear()
    .domain([0, Math.max(1, largest)])
    .range([0, WIDTH - LABEL - VALUE_ROOM]);
  const y = scaleBand<string>().domain(keys).range([4, bottom]).padding(0.2);
  return { x, y };
}

/** A chart's drawing: an image named by its title (its figures are in the table that follows). */
function ChartImage({ title, height, children }: { title: string; height: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <svg
      className="office-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={t('dashboards.chartOf', { title })}
    >
      {children}
    </svg>
  );
}

/** A row's label, left of its bar and centred on its band. */
function RowLabel({ top, band, label }: { top: number; band: number; label: string }) {
  return (
    <text x={LABEL - 8} y={top + band / 2} textAnchor="end" dominantBaseline="middle">
      {truncate(label)}
    </text>
  );
}

/** Horizontal bars, one per row. */
export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const height = Math.max(1, bars.length) * ROW + 8;
  const { x, y } = rowScales(
    bars.map((b) => b.key),
    max ?? Math.max(...bars.map((b) => b.value)),
    height - 4,
  );
  return (
    <ChartImage title={title} height={height}>
      {bars.map((b) => {
        const top = y(b.key) ?? 0;
        const w = x(b.value);
        return (
          <g key={b.key}>
            <RowLabel top={top} band={y.bandwidth()} label={b.label} />
            <rect x={LABEL} y={top} width={w} height={y.bandwidth()} className="office-bar" />
            <text x={LABEL + w + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
              {b.text}
            </text>
          </g>
        );
      })}
    </ChartImage>
  );
}

export interface StackedRow {
  key: string;
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
  total: number;
}

/** Horizontal stacked bars with a legend (series in order, coloured from light to dark). */
export function StackedBarChart({
  title,
  series,
  rows,
}: {
  title: string;
  series: { key: string; label: string }[];
  rows: StackedRow[];
}) {
  const legendRows = Math.ceil(series.length / 2);
  const chartHeight = Math.max(1, rows.length) * ROW + 8;
  const height = chartHeight + legendRows * 22 + 12;
  const { x, y } = rowScales(
    rows.map((r) => r.key),
    Math.max(...rows.map((r) => r.total)),
    chartHeight - 4,
  );
  return (
    <ChartImage title={title} height={height}>
      {rows.map((r) => {
        const top = y(r.key) ?? 0;
        let at = LABEL;
        return (
          <g key={r.key}>
            <RowLabel top={top} band={y.bandwidth()} label={r.label} />
            {r.values.map((v, i) => {
              const w = x(v);
              const rect = (
                <rect
                  key={series[i]!.key}
                  x={at}
                  y={top}
                  width={w}
                  height={y.bandwidth()}
                  fill={SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]}
                  className="office-segment"
                />
              );
              at += w;
              return rect;
            })}
            <text x={at + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
              {r.total}
            </text>
          </g>
        );
      })}
      {series.map((s, i) => (
        <g
          key={s.key}
          transform={`translate(${(i % 2) * (WIDTH / 2) + 8}, ${chartHeight + 8 + Math.floor(i / 2) * 22})`}
        >
          <rect
            width={14}
            height={14}
            fill={SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]}
            className="office-segment"
          />
          <text x={20} y={7} dominantBaseline="middle">
            {truncate(s.label, 40)}
          </text>
        </g>
      ))}
    </ChartImage>
  );
}
