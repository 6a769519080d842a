import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { sectorExists } from '@/lib/server/dashboard';
import { requirePageContext } from '@/lib/server/page-guard';

// The sector is looked up here, above this route's loading.tsx, so that an unknown slug answers
// 404 before the page starts streaming (a notFound() thrown inside a streamed page keeps status 200).
export default async function SectorLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requirePageContext(`/sectors/${encodeURIComponent(slug)}`);
  if (!(await sectorExists(ctx, slug))) notFound();
  return children;
}
