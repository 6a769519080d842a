import { ConfigError } from '@/lib/env';

/** Ends a command-line script with one clear line and a non-zero exit, never a stack trace. */
function fail(message: string, code = 1): never {
  process.stderr.write(`\nError: ${message}\n\n`);
  process.exit(code);
}

export function info(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** Runs a script's main function; configuration errors become one line. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) fail(error.message);
    if (error instanceof CliError) fail(error.message, error.exitCode);
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function formatSummary(summary: Record<string, number>): string {
  return Object.entries(summary)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}
