import 'server-only';
import path from 'node:path';
import * as threads from 'node:worker_threads';
import type { Briefing } from '@/lib/domain/briefing';

// The PDF renderer runs in one worker thread per process (components/briefing/pdf/render-worker.ts),
// loaded through tsx from the source tree and without the server's module conditions; it is started
// on the first PDF and kept, so later PDFs skip loading the renderer and the fonts.
// Looked up at run time so that the bundler does not follow the worker's entry into the build: it
// runs from the source tree, as it is, through tsx.
const WorkerThread: typeof threads.Worker = Reflect.get(threads, 'Worker');
// The worker's heap is capped so that it collects garbage as it goes rather than growing while a
// document is drawn: a PDF of PDF_MAX_COMMITMENTS listed commitments, each with an indicator's
// readings and evidence, fits in it.
const PDF_HEAP_MB = 256;
let worker: threads.Worker | undefined;
let serial = 0;
const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

function pdfWorker(): threads.Worker {
  if (worker) return worker;
  const entry = path.join(process.cwd(), 'components', 'briefing', 'pdf', 'render-worker.mjs');
  const started = new WorkerThread(entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB } });
  started.unref();
  started.on('message', ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(`The PDF could not be made: ${error}`));
    else waiting?.resolve(bytes!);
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`The PDF worker stopped (exit code ${code}).`)));
  worker = started;
  return started;
}

/** The briefing as a PDF document's bytes. `origin` makes its links absolute. */
export function renderBriefingPdf(briefing: Briefing, origin: string): Promise<Uint8Array> {
  const id = (serial += 1);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    pdfWorker().postMessage({ id, briefing, origin });
  });
}
