import { Bone, LoadingFrame } from '@/components/loading-frame';

// The sector page's frame while its agenda and sector are looked up: title, figures, a chart.
export default function SectorLoading() {
  return (
    <LoadingFrame>
      <Bone height="1rem" width="8rem" gap="0.75rem" />
      <Bone height="2.2rem" width="50%" />
      <Bone height="1rem" width="80%" gap="1.5rem" />
      <div className="dash-skeleton-row">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: '5.5rem' }} />
        ))}
      </div>
      <div style={{ marginTop: '1.5rem' }}>
        <Bone height="6rem" gap="1.5rem" />
        <Bone height="20rem" gap="0" />
      </div>
    </LoadingFrame>
  );
}
