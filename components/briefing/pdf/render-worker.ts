import { parentPort } from 'node:worker_threads';
import type { Briefing } from '@/lib/domain/briefing';
import { renderPdf } from './render';

// The PDF is made in a worker thread of its own, started without the server's `react-server`
// condition: @react-pdf/renderer needs React's full build, which a server component layer does not
// load. One request at a time; the bytes go back without a copy.
parentPort!.on('message', async ({ id, briefing, origin }: { id: number; briefing: Briefing; origin: string }) => {
  try {
    const bytes = await renderPdf(briefing, origin);
    const copy = new Uint8Array(bytes);
    parentPort!.postMessage({ id, bytes: copy }, [copy.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
