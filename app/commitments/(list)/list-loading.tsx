import { Bone, LoadingFrame } from '@/components/loading-frame';

/** The list's skeleton while its rows load. */
export function ListLoading() {
  return (
    <LoadingFrame>
      <Bone height="2.2rem" width="40%" />
      <Bone height="9rem" />
      <Bone height="1rem" width="30%" gap="0.75rem" />
      {Array.from({ length: 8 }, (_, i) => (
        <Bone key={i} height="2.25rem" gap="0.35rem" />
      ))}
    </LoadingFrame>
  );
}
