import { parseArgs } from 'node:util';
import { checkPassword, passwordProblem } from '@/lib/domain/password-policy';
import { isRole, ROLES } from '@/lib/domain/roles';
import { readEnv } from '@/lib/env';
import { systemOperator } from '@/lib/server/admin/operator';
import { createUserAsSystem } from '@/lib/server/admin/users';
import { messageText } from '@/lib/server/catalogue';
import { type AppError, isAppError } from '@/lib/server/errors';
import { CliError, info, run } from './lib/cli';
import { acquireDataDirLock } from './lib/data-dir';
import { migrateForScript, openForScript } from './lib/database';

// `npm run user:create`: an account made at the server's command line, typically a deployment's first
// administrator. The same function as the administration page, so the same rules and audit event.
const USAGE =
  'Usage: npm run user:create -- --email <address> --role <staff|official|reviewer|admin> [--name <name>] [--organisation-id <uuid>]; the password comes from USER_PASSWORD or is asked for in a terminal.';

// How each field is given on the command line, for messages that say what to fix.
const FLAG: Record<string, string> = {
  email: '--email', name: '--name', role: '--role', organisationId: '--organisation-id', password: 'the password',
};

run(async () => {
  const args = readArguments();
  // Checked before anything is opened: a weak password must not leave a half-made data folder behind.
  const password = await readPassword();
  const policy = checkPassword(password, { email: args.email });
  if (!policy.ok) throw new CliError(`The password is not accepted: ${policy.codes.map((code) => messageText(passwordProblem(code))).join(' ')}`);

  const env = readEnv();
  const release = env.databaseKind === 'pglite' ? acquireDataDirLock(env.dataDir) : () => {};
  const handle = await openForScript(env);
  try {
    await migrateForScript(handle, env);
    const user = await createUserAsSystem(handle.db, systemOperator('npm run user:create'), args, password);
    info(`Created ${user.role} account ${user.email} (id ${user.id}). It can sign in now.`);
  } catch (error) {
    if (isAppError(error)) throw new CliError(`Nothing was created: ${describe(error)}`);
    throw error;
  } finally {
    await handle.close();
    release();
  }
});

function readArguments() {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'organisation-id': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}. ${USAGE}`);
  }
  const email = values.email?.trim();
  if (!email) throw new CliError(`--email is required. ${USAGE}`);
  if (!isRole(values.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}. ${USAGE}`);
  // Without --name the part of the address before the @ stands in; an administrator can change it later.
  const name = values.name?.trim() || email.split('@')[0]!;
  return { email, role: values.role, name, organisationId: values['organisation-id'] ?? '' };
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError('No password: set USER_PASSWORD, or run the command in a terminal to type it (it is not shown).');
  }
  const first = await promptHidden('Password (at least 12 characters, not shown): ');
  const second = await promptHidden('The same password again: ');
  if (first !== second) throw new CliError('The two passwords differ; nothing was created.');
  return first;
}

/** Reads a line from the terminal without echoing it. Prompts go to stderr so stdout stays the result. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        // Raw mode turns Ctrl-C into a character rather than a signal.
        if (ch === '\u0003') {
          finish();
          reject(new CliError('Cancelled; nothing was created.', 130));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** A refusal in one line, in the catalogue's English, naming the flag to fix. */
function describe(error: AppError): string {
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return messageText(error.summary);
  return entries.map(([field, messages]) => `${FLAG[field] ?? field}: ${messages.map((m) => messageText(m)).join(' ')}`).join('; ');
}
