import type { NegotiationPoint } from '../../shared/negotiation/tracking.js';
import { timeOfDay } from '../document/revision-format.js';
import { t } from '../i18n/index.js';

const width = 470;
const height = 210;
// Room on the right for half of the last x label ("Auto 15:36" was cut off).
const margin = { top: 14, right: 34, bottom: 44, left: 38 };

/** Round tick values from 0 to at least `max` (five steps or fewer). */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** The name of a point in lists and tooltips: the revision's label, or "Autosave" and its local time for an autosave point. */
export function pointLabel(p: NegotiationPoint): string {
  if (p.label) return p.label;
  return t('negotiation:negotiationChart.autosave', { time: timeOfDay(p.createdAt) });
}

/**
 * The labels under the x axis, one per point ('' for none): revisions by their names
 * ("Rev.1", "Base"), never an autosave time; the last point, when an autosave, is "Now";
 * when named points are many, about six evenly spaced, always the last named one.
 */
export function axisLabels(points: readonly NegotiationPoint[]): string[] {
  const named = points.map((p, i) => (p.label ? i : -1)).filter((i) => i >= 0);
  const every = Math.max(1, Math.ceil(named.length / 6));
  const shown = new Set(named.filter((_, k) => k % every === 0 || k === named.length - 1));
  return points.map((p, i) => (shown.has(i) ? p.label : i === points.length - 1 && p.kind === 'autosave' ? t('negotiation:negotiationChart.now') : ''));
}

/**
 * A line chart of open brackets and agreed paragraphs across revisions (oldest left), drawn
 * as SVG: both series on one count axis, told apart by line style and marker shape as well as
 * colour (a filled circle drawn inside a hollow square, so both show where the counts are
 * equal), with a legend, axis titles, revisions named as in the Revisions panel and an
 * accessible title and description.
 */
export function NegotiationChart({ points }: { points: readonly NegotiationPoint[] }) {
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const yTicks = ticks(Math.max(1, ...points.map((p) => Math.max(p.openBrackets, p.agreedParagraphs))));
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const x = (i: number) => margin.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => margin.top + plotH - (v / yMax) * plotH;
  const line = (pick: (p: NegotiationPoint) => number) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const description = last
    ? t('negotiation:negotiationChart.revisionsFromToOpen', { length: points.length, pointLabel: pointLabel(points[0]!), pointLabel2: pointLabel(last), join: points.map((p) => p.openBrackets).join(', '), join2: points.map((p) => p.agreedParagraphs).join(', ') })
    : t('negotiation:negotiationChart.noRevisionsYet');
  const labels = axisLabels(points);
  return (
    <figure className="negotiation-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="negotiation-chart-title negotiation-chart-desc">
        <title id="negotiation-chart-title">{t('negotiation:negotiationChart.openBracketsAndAgreed')}</title>
        <desc id="negotiation-chart-desc">{description}</desc>
        {yTicks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
            <text x={margin.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotH} />
        <line className="chart-axis" x1={margin.left} x2={width - margin.right} y1={margin.top + plotH} y2={margin.top + plotH} />
        {points.map((p, i) =>
          labels[i] ? (
            <text key={p.revisionId} className="chart-x-label" x={x(i)} y={margin.top + plotH + 16} textAnchor="middle">
              {labels[i]}
            </text>
          ) : null,
        )}
        <text className="chart-axis-title" x={margin.left + plotW / 2} y={height - 6} textAnchor="middle">
          {t('negotiation:negotiationChart.revision')}
        </text>
        <text className="chart-axis-title" transform={`translate(11 ${margin.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
          {t('negotiation:negotiationChart.count')}
        </text>
        <path className="chart-line series-open" d={line((p) => p.openBrackets)} />
        <path className="chart-line series-agreed" d={line((p) => p.agreedParagraphs)} />
        {points.map((p, i) => (
          <g key={p.revisionId}>
            <rect className="chart-mark series-agreed" x={x(i) - 5} y={y(p.agreedParagraphs) - 5} width={10} height={10}>
              <title>{t('negotiation:negotiationChart.agreedParagraphs', { pointLabel: pointLabel(p), agreedParagraphs: p.agreedParagraphs })}</title>
            </rect>
            <circle className="chart-mark series-open" cx={x(i)} cy={y(p.openBrackets)} r={2.8}>
              <title>{t('negotiation:negotiationChart.openBrackets', { pointLabel: pointLabel(p), openBrackets: p.openBrackets })}</title>
            </circle>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <svg width="26" height="10" aria-hidden="true">
            <line className="chart-line series-open" x1="0" x2="26" y1="5" y2="5" />
            <circle className="chart-mark series-open" cx="13" cy="5" r="3.5" />
          </svg>
          {t('negotiation:negotiationChart.openBrackets2')}
        </span>
        <span className="legend-item">
          <svg width="26" height="10" aria-hidden="true">
            <line className="chart-line series-agreed" x1="0" x2="26" y1="5" y2="5" />
            <rect className="chart-mark series-agreed" x="9" y="1" width="8" height="8" />
          </svg>
          {t('negotiation:negotiationChart.agreedParagraphs2')}
        </span>
      </figcaption>
    </figure>
  );
}
