import { swatchedCell } from '@/components/stage-swatch';
import type { CommitmentList } from '@/lib/server/dashboard';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import { parseIsoDate } from '@/lib/domain/dates';
import { Panel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  list: Promise<CommitmentList>;
  sectorName: string;
  scope: LinkScope;
  demo: boolean;
}

/** The sector page's table of its first commitments by reference, each linked to its own page; the list has them all. */
export async function SectorCommitments({ list: listPromise, sectorName, scope, demo }: Props) {
  const [list, { t, format, stageLabels, healthLabels }] = await Promise.all([listPromise, dashboardText()]);
  return (
    <Panel id="sector-commitments" heading={t('sector.commitments')} demo={demo} t={t}>
      {list.items.length === 0 ? (
        <p>{t('sector.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {list.total > list.items.length
                ? t('sector.captionFirst', { sector: sectorName, shown: list.items.length, count: list.total })
                : t('sector.caption', { sector: sectorName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('sector.reference')}</th>
                <th scope="col">{t('sector.title')}</th>
                <th scope="col">{t('sector.stage')}</th>
                <th scope="col">{t('sector.health')}</th>
                <th scope="col">{t('sector.due')}</th>
                <th scope="col">{t('sector.lastUpdate')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id}>
                  {/* One link per row, on the title; the swatch is drawn by CSS on its cell. */}
                  <td>{c.reference}</td>
                  <th scope="row">
                    <a href={`/commitments/${c.id}`}>{c.title}</a>
                  </th>
                  <td {...swatchedCell(c.stage)}>{stageLabels[c.stage]}</td>
                  <td>{healthLabels[c.health]}</td>
                  <td>{c.dueDate ? format.dateTime(parseIsoDate(c.dueDate), { dateStyle: 'medium' }) : t('sector.noDue')}</td>
                  <td>{c.lastUpdateAt ? format.dateTime(c.lastUpdateAt, { dateStyle: 'medium' }) : t('sector.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.total > list.items.length && (
        <p className="dash-see-all">
          <a href={commitmentsHref({ ...scope, sort: 'reference' })}>
            {t('sector.more', { shown: list.items.length, count: list.total })}
          </a>
        </p>
      )}
    </Panel>
  );
}
