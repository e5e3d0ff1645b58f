import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';
import './strings';

interface RankedProblem {
  problemId: string;
  rank: number;
  tied: boolean;
  title: string;
  points: number;
}

/** A prioritisation round's ranking (rank, problem, points), as the Agenda and the minutes print it. */
export function RankingTable({ caption, rows }: { caption: ReactNode; rows: readonly RankedProblem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      className="agenda-table"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.problemId}
      columns={[
        {
          header: t('agenda.doc.rank'),
          cell: (row) => `${row.rank}${row.tied ? ` ${t('agenda.doc.tied')}` : ''}`,
        },
        { header: t('agenda.doc.problem'), cell: (row) => row.title },
        { header: t('agenda.doc.points'), cell: (row) => formatNumber(row.points, i18n.language) },
      ]}
    />
  );
}
