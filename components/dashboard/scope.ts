import type { CommitmentFilters } from '@/lib/domain/commitment-filters';

/** The agenda (and sector, and the confirmed view) every link from a dashboard panel keeps, so the list shows the same set. */
export type LinkScope = Pick<CommitmentFilters, 'agenda' | 'sector' | 'view'>;
