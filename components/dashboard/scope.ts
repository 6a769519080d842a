import type { CommitmentFilters } from '@/lib/domain/commitment-filters';

/** The agenda (and sector) every link from a dashboard panel keeps, so the list shows the same set. */
export type LinkScope = Pick<CommitmentFilters, 'agenda' | 'sector'>;
