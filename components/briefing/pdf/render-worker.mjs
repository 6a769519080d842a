// The worker's entry: TypeScript through tsx (ES modules and CommonJS alike), then the renderer.
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

registerCjs();
register();
await import('./render-worker.ts');
