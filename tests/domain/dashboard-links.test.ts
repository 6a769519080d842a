import { describe, expect, it } from 'vitest';
import { chartTableLinks, chartTableOf, dashboardHref } from '../../lib/domain/dashboard-links';

describe('dashboard addresses', () => {
  it('reads the chart table a URL asks for, and nothing else', () => {
    expect(chartTableOf('movement')).toBe('movement');
    expect(chartTableOf('pipeline')).toBe('pipeline');
    expect(chartTableOf('moves')).toBe('moves');
    expect(chartTableOf('headline')).toBeUndefined();
    expect(chartTableOf(['movement', 'moves'])).toBeUndefined();
    expect(chartTableOf(undefined)).toBeUndefined();
  });

  it('keeps the agenda, the confirmed view and the table, and leaves out defaults', () => {
    expect(dashboardHref('/', { view: 'reported' })).toBe('/');
    expect(dashboardHref('/', { agenda: 'kz-pk', view: 'reported' })).toBe('/?agenda=kz-pk');
    expect(dashboardHref('/sectors/energy', { agenda: 'kz-pk', view: 'confirmed', table: 'moves' })).toBe('/sectors/energy?agenda=kz-pk&view=confirmed&table=moves');
    expect(dashboardHref('/', { view: 'confirmed' })).toBe('/?view=confirmed');
  });

  it('links a chart to its table, and the table back to its panel', () => {
    const links = chartTableLinks('/', { agenda: 'kz-pk', view: 'reported' }, 'movement', 'movement');
    expect(links).toEqual({ open: true, show: '/?agenda=kz-pk&table=movement#movement-table', hide: '/?agenda=kz-pk#movement' });
    expect(chartTableLinks('/', { agenda: 'kz-pk', view: 'confirmed' }, 'pipeline', 'movement')).toEqual({
      open: false,
      show: '/?agenda=kz-pk&view=confirmed&table=pipeline#pipeline-table',
      hide: '/?agenda=kz-pk&view=confirmed#pipeline',
    });
  });
});
