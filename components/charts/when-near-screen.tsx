'use client';

import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';

// A chart drawn in the browser is the heaviest work a page asks of it, so it waits: until its box
// comes within 200 px of the screen, or until the page has settled and the browser is idle (so it
// is drawn without scrolling, just never in the way of loading and the first interaction),
// whichever comes first. It is drawn as a transition, which React may split into short tasks.

interface Props {
  /** Shown until then, at the chart's final size so nothing moves when the chart arrives. */
  placeholder: ReactNode;
  className?: string;
  children: ReactNode;
}

export function WhenNearScreen({ placeholder, className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      cancelIdle();
      startTransition(() => setShown(true));
    };
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? undefined
        : new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: '200px 0px' });
    observer?.observe(box);
    const cancelIdle = whenIdle(show);
    return () => {
      done = true;
      observer?.disconnect();
      cancelIdle();
    };
  }, []);
  return (
    <div ref={ref} className={className}>
      {shown ? children : placeholder}
    </div>
  );
}

/**
 * Calls `run` once the page has settled (4 s after mounting) and the browser is idle (at the latest
 * 2 s later); returns a cancel function.
 */
function whenIdle(run: () => void): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(run, { timeout: 2000 });
    else run();
  }, 4000);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}
