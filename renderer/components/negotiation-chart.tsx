import type { NegotiationPoint } from '../../shared/negotiation/tracking.js';

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

/** The label of a point on the x axis: the revision's label, or "Auto" and its time for an autosave point. */
export function pointLabel(p: NegotiationPoint): string {
  if (p.label) return p.label;
  return `Auto ${p.createdAt.slice(11, 16)}`;
}

/**
 * A line chart of open brackets and agreed paragraphs across revisions (oldest left), drawn
 * as SVG: both series on one count axis, told apart by line style and marker shape as well as
 * colour, with a legend, axis titles and an accessible title and description.
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
    ? `${points.length} revisions from ${pointLabel(points[0]!)} to ${pointLabel(last)}. Open brackets: ${points.map((p) => p.openBrackets).join(', ')}. Agreed paragraphs: ${points.map((p) => p.agreedParagraphs).join(', ')}.`
    : 'No revisions yet.';
  // Label every point when few, else about six evenly spaced, always the last.
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure className="negotiation-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="negotiation-chart-title negotiation-chart-desc">
        <title id="negotiation-chart-title">Open brackets and agreed paragraphs across revisions</title>
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
          i % every === 0 || i === points.length - 1 ? (
            <text key={p.revisionId} className="chart-x-label" x={x(i)} y={margin.top + plotH + 16} textAnchor="middle">
              {pointLabel(p)}
            </text>
          ) : null,
        )}
        <text className="chart-axis-title" x={margin.left + plotW / 2} y={height - 6} textAnchor="middle">
          Revision
        </text>
        <text className="chart-axis-title" transform={`translate(11 ${margin.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
          Count
        </text>
        <path className="chart-line series-open" d={line((p) => p.openBrackets)} />
        <path className="chart-line series-agreed" d={line((p) => p.agreedParagraphs)} />
        {points.map((p, i) => (
          <g key={p.revisionId}>
            <circle className="chart-mark series-open" cx={x(i)} cy={y(p.openBrackets)} r={3.5}>
              <title>{`${pointLabel(p)}: ${p.openBrackets} open brackets`}</title>
            </circle>
            <rect className="chart-mark series-agreed" x={x(i) - 3.5} y={y(p.agreedParagraphs) - 3.5} width={7} height={7}>
              <title>{`${pointLabel(p)}: ${p.agreedParagraphs} agreed paragraphs`}</title>
            </rect>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <svg width="26" height="10" aria-hidden="true">
            <line className="chart-line series-open" x1="0" x2="26" y1="5" y2="5" />
            <circle className="chart-mark series-open" cx="13" cy="5" r="3.5" />
          </svg>
          Open brackets
        </span>
        <span className="legend-item">
          <svg width="26" height="10" aria-hidden="true">
            <line className="chart-line series-agreed" x1="0" x2="26" y1="5" y2="5" />
            <rect className="chart-mark series-agreed" x="9.5" y="1.5" width="7" height="7" />
          </svg>
          Agreed paragraphs
        </span>
      </figcaption>
    </figure>
  );
}
