/**
 * An indicator's values against its baseline and target: a small SVG (no chart library), the
 * straight line from the baseline to the target as the expected path, the reported values as
 * points joined by a line. The figures are also in the label, for screen readers.
 */
import { tokens } from "@fluentui/react-components";
import type { IndicatorViewDto } from "../../../../core/api/followup";
import { useI18n } from "../../i18n/i18n";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 12;

function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export function IndicatorChart({ view }: { view: IndicatorViewDto }) {
  const { t, date, number } = useI18n();
  const { indicator, values, latest } = view;
  const days = [indicator.baselineDate, indicator.targetDate, ...values.map((v) => v.date)].map(dayOf);
  const figures = [indicator.baselineValue, indicator.targetValue, ...values.map((v) => v.value)];
  const [x0, x1] = [Math.min(...days), Math.max(...days)];
  const [y0, y1] = [Math.min(...figures), Math.max(...figures)];
  const x = (d: string) => PAD + ((dayOf(d) - x0) / (x1 - x0 || 1)) * (WIDTH - 2 * PAD);
  const y = (v: number) => HEIGHT - PAD - ((v - y0) / (y1 - y0 || 1)) * (HEIGHT - 2 * PAD);
  const label = t("followUp.chartLabel", {
    definition: indicator.definition,
    baseline: `${number(indicator.baselineValue)} ${indicator.unit}`,
    baselineDate: date(indicator.baselineDate),
    target: `${number(indicator.targetValue)} ${indicator.unit}`,
    targetDate: date(indicator.targetDate),
    latest: latest ? `${number(latest.value)} ${indicator.unit} (${date(latest.date)})` : t("followUp.noValue"),
    track: t(`followUp.track.${view.track}`),
  });
  const path = values.map((v) => `${x(v.date).toFixed(1)},${y(v.value).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: `${WIDTH}px` }}>
      <title>{label}</title>
      <line x1={x(indicator.baselineDate)} y1={y(indicator.baselineValue)} x2={x(indicator.targetDate)} y2={y(indicator.targetValue)} stroke={tokens.colorNeutralStroke1} strokeDasharray="4 3" strokeWidth={1.5} />
      <circle cx={x(indicator.baselineDate)} cy={y(indicator.baselineValue)} r={4} fill={tokens.colorNeutralForeground3} data-point="baseline" />
      <rect x={x(indicator.targetDate) - 4} y={y(indicator.targetValue) - 4} width={8} height={8} fill={tokens.colorPaletteGreenForeground1} data-point="target" />
      {values.length > 1 && <polyline points={path} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} />}
      {values.map((v) => (
        <circle key={v.id} cx={x(v.date)} cy={y(v.value)} r={3.5} fill={view.track === "off-track" ? tokens.colorPaletteRedForeground1 : tokens.colorBrandForeground1} data-point="value" />
      ))}
    </svg>
  );
}
