import { t } from '../i18n/index.js';

/** Bars for the 1–5 satisfaction distribution, best score first. */
export function satisfactionItems(summary) {
  const distribution = summary?.distribution ?? [0, 0, 0, 0, 0];
  return [5, 4, 3, 2, 1].map((n) => ({ label: `${n} — ${t(`sat.scale.${n}`)}`, value: distribution[n - 1] ?? 0 }));
}
