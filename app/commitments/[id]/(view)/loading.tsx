import { Bone, LoadingFrame } from '@/components/loading-frame';

export default function Loading() {
  return (
    <LoadingFrame>
      <Bone height="1rem" width="20%" />
      <Bone height="2.2rem" width="70%" />
      <Bone height="5rem" gap="1.5rem" />
      <Bone height="16rem" gap="1.5rem" />
      <Bone height="10rem" gap="0" />
    </LoadingFrame>
  );
}
