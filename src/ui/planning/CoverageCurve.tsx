// The cumulative coverage curve of the suggested sites as an inline SVG: x = sites 0…K, y = the
// share of the uncovered targets (or their residents) that the first x sites cover. The greedy
// order makes it concave: each site adds no more than the one before.
import { useAtlas } from '../../state/store';
import { formatDecimal } from '../../core/format';

const WIDTH = 280,
  HEIGHT = 130;
const MARGIN = { left: 34, right: 10, top: 10, bottom: 22 };
const AXIS_TOPS = [0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

/** shares[j] is the covered share after j + 1 sites, 0…1. */
export function CoverageCurve({ k, shares, label }: { k: number; shares: readonly number[]; label: string }) {
  const locale = useAtlas((s) => s.locale);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right,
    plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const last = shares.at(-1) ?? 0;
  // The axis ends at the first of these shares the curve stays under: a run that covers 13 % of
  // a province's gaps still shows its shape, and the labels say where the axis ends.
  const top = AXIS_TOPS.find((value) => value >= last) ?? 1;
  const x = (sites: number) => MARGIN.left + (plotWidth * sites) / Math.max(k, 1);
  const y = (share: number) => MARGIN.top + plotHeight * (1 - share / top);
  const points = [0, ...shares]
    .map((share, sites) => `${x(sites).toFixed(1)},${y(share).toFixed(1)}`)
    .join(' ');
  const percent = (share: number) =>
    `${formatDecimal(share * 100, locale, Number.isInteger(share * 100) ? 0 : 1)}%`;
  return (
    <figure className="coverage-curve" data-testid="coverage-curve">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${label}: ${percent(last)}`}
      >
        <title>{label}</title>
        {[0, top / 2, top].map((share) => (
          <g key={share}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(share)} y2={y(share)} className="grid" />
            <text x={MARGIN.left - 4} y={y(share) + 4} textAnchor="end">
              {percent(share)}
            </text>
          </g>
        ))}
        <line
          x1={MARGIN.left}
          x2={MARGIN.left}
          y1={MARGIN.top}
          y2={HEIGHT - MARGIN.bottom}
          className="axis"
        />
        <text x={x(0)} y={HEIGHT - 6} textAnchor="middle">
          0
        </text>
        <text x={x(k)} y={HEIGHT - 6} textAnchor="middle">
          {k}
        </text>
        <polyline points={points} className="curve" />
        {shares.map((share, j) => (
          <circle
            key={j}
            cx={x(j + 1)}
            cy={y(share)}
            r={shares.length > 40 ? 1.2 : 2.2}
            className="curve-point"
          />
        ))}
        <text
          x={x(shares.length)}
          y={Math.max(y(last) - 6, MARGIN.top + 8)}
          textAnchor={shares.length > k / 2 ? 'end' : 'start'}
          className="curve-value"
        >
          {percent(last)}
        </text>
      </svg>
      <figcaption className="muted small">{label}</figcaption>
    </figure>
  );
}
