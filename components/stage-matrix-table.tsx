import { getFormatter, getTranslations } from 'next-intl/server';
import type { StageMatrix } from '@/lib/domain/stage-matrix';
import { STAGES } from '@/lib/domain/stages';
import { StageSwatch } from './stage-swatch';

export async function StageMatrixTable({ matrix, id }: { matrix: StageMatrix; id: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="table-wrap">
      <table aria-labelledby={id}>
        <caption>{t('overview.bySectorCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.sector')}</th>
            {STAGES.map((stage) => (
              <th scope="col" className="num" key={stage}>
                <StageSwatch stage={stage} /> {t(`stage.${stage}`)}
              </th>
            ))}
            <th scope="col" className="num">{t('overview.total_column')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.sector.id}>
              <th scope="row">{row.sector.name}</th>
              {STAGES.map((stage) => (
                <td className="num" key={stage}>{format.number(row.counts[stage])}</td>
              ))}
              <td className="num">{format.number(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('overview.totalRow')}</th>
            {STAGES.map((stage) => (
              <td className="num" key={stage}>{format.number(matrix.totals[stage])}</td>
            ))}
            <td className="num">{format.number(matrix.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
