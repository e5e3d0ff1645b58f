import { useTranslation } from 'react-i18next';
import './strings';

export interface FigureRow {
  key: string;
  header: string;
  cells: string[];
}

/**
 * An accessible table of a chart's figures: a caption, column headers, and each row's name as its
 * header. A wide table scrolls inside its own box (reachable by keyboard), never the page.
 */
export function FigureTable({
  caption,
  headers,
  rows,
  foot,
}: {
  caption: string;
  /** The first is the row headers' column. */
  headers: string[];
  rows: FigureRow[];
  foot?: FigureRow;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('dashboards.tableOf', { title: caption })}
    >
      <table className="figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>
              <th scope="row">{foot.header}</th>
              {foot.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
