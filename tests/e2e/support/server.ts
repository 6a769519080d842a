import type { TestProject } from 'vitest/node';
import { startDemoServer } from '../../../scripts/lib/demo-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

// One server for all journeys; E2E_BASE_URL points them at a server already running instead.
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL);
    return;
  }
  const server = await startDemoServer({ port: Number(process.env.E2E_PORT ?? 3210) });
  project.provide('baseURL', server.baseURL);
  return () => server.stop();
}
