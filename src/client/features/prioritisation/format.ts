/** Wording of results shared by the results view and the closing agreement. */
import type { TFunction } from 'i18next';
import type { ResultRow, RoundResult } from '../../../domain';
import { formatNumber } from '../../ui/format';
import './strings';

/** Points (dots, Borda) as a whole number; a scoring mean with one decimal. */
export function formatPoints(method: RoundResult['method'], points: number, locale: string): string {
  if (method !== 'scoring') return formatNumber(points, locale);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(points);
}

export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** "12 puntos" / "4,3 de 5". */
export function pointsLabel(
  t: TFunction,
  method: RoundResult['method'],
  row: ResultRow,
  locale: string,
): string {
  const formatted = formatPoints(method, row.points, locale);
  return method === 'scoring'
    ? t('prioritisation.close.score', { formatted })
    : t('prioritisation.close.points', { count: row.points, formatted });
}

/** The agreement recorded when the round closes, in the UI language. */
export function agreementText(t: TFunction, title: string, result: RoundResult, locale: string): string {
  if (result.votesCounted + result.talliesCounted === 0) {
    return t('prioritisation.close.agreementEmpty', { title });
  }
  const list = result.rows
    .map((row) =>
      t(row.tied ? 'prioritisation.close.itemTie' : 'prioritisation.close.item', {
        rank: row.rank,
        title: row.title,
        value: pointsLabel(t, result.method, row, locale),
      }),
    )
    .join('; ');
  return t('prioritisation.close.agreement', { title, list }).slice(0, 1000);
}
