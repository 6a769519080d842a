import 'server-only';
import type { Database } from '@/db/connect';
import { findOrganisation as queryOrganisation, listOrganisations } from '@/db/queries/organisations';
import { findUserByEmail, getUserSummary, insertUser as insertUserRow, listUserSummaries } from '@/db/queries/users';
import { checkPassword, passwordProblem } from '@/lib/domain/password-policy';
import { hashPassword } from '@/lib/passwords';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, asAppError, invalid } from '../errors';
import { authorize } from '../guard';
import { parseInput } from '../input';
import type { UserIdentity } from '../session';
import { generatePassword } from './generated-password';
import { type Operator, operatorOf } from './operator';
import { type CreateUserInput, createUserSchema, idSchema } from './schemas';

export interface UserSummary extends UserIdentity {
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/** Every account, for the administrators' table. */
export async function listUsers(ctx: RequestContext): Promise<UserSummary[]> {
  const { db } = authorize(ctx, 'admin.users');
  return listUserSummaries({ db });
}

export interface UserDetail extends UserSummary {
  openSessions: number;
}

export async function getUser(ctx: RequestContext, { id }: { id: string }): Promise<UserDetail> {
  const { db } = authorize(ctx, 'admin.users');
  // A malformed id names no user: 404, never a database error.
  const user = idSchema.safeParse({ id }).success ? await getUserSummary({ db, id }) : undefined;
  if (!user) throw new AppError('not_found', { key: 'problem.noUser' });
  return user;
}

/** The organisations a user may belong to, for the forms' choice lists. */
export async function listOrganisationChoices(ctx: RequestContext) {
  const { db } = authorize(ctx, 'admin.users');
  const rows = await listOrganisations({ db });
  return rows.map(({ id, name, shortName, country }) => ({ id, name, shortName, country }));
}

export interface CreatedUser {
  user: UserSummary;
  /** Shown to the administrator once; only its argon2id hash is stored. */
  initialPassword: string;
}

/** An administrator adds an account; the server makes its first password. */
export async function createUser(ctx: RequestContext, raw: unknown): Promise<CreatedUser> {
  const signedIn = authorize(ctx, 'admin.users');
  const input = parseInput(createUserSchema, raw);
  const initialPassword = generatePassword(input.email);
  const user = await insertUser(signedIn.db, operatorOf(signedIn), input, initialPassword);
  return { user, initialPassword };
}

/**
 * The same rules for the command line (the first administrator of a deployment), where whoever
 * holds the database is trusted and chooses the password, which must meet the policy.
 */
export async function createUserAsSystem(db: Database, operator: Operator, raw: unknown, password: string): Promise<UserSummary> {
  return insertUser(db, operator, parseInput(createUserSchema, raw), password);
}

async function insertUser(db: Database, operator: Operator, input: CreateUserInput, password: string): Promise<UserSummary> {
  const policy = checkPassword(password, { email: input.email });
  if (!policy.ok) {
    throw new AppError('invalid', { key: 'problem.passwordRefused' }, { password: policy.codes.map(passwordProblem) });
  }
  // Hashed before the transaction: argon2 takes tens of milliseconds no lock should wait for.
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const organisation = input.organisationId ? await findOrganisation(tx, input.organisationId) : null;
      const row = await insertUserRow({
        db: tx, account: { email: input.email, name: input.name, role: input.role, organisationId: input.organisationId, passwordHash },
      });
      const user: UserSummary = {
        ...row,
        email: input.email,
        name: input.name,
        role: input.role,
        organisationId: input.organisationId,
        organisationName: organisation?.name ?? null,
        organisationCountry: organisation?.country ?? null,
      };
      await recordAudit(tx, {
        ...operator,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
      });
      return user;
    });
  } catch (error) {
    // A writer that slipped between the check and the insert meets the unique index instead.
    throw asAppError(error) ?? error;
  }
}

async function assertEmailFree(tx: Database, email: string): Promise<void> {
  const taken = await findUserByEmail({ db: tx, email });
  if (taken) throw invalid({ email: [{ key: 'admin.errors.emailTaken' }] });
}

/** The organisation a form named, which must exist (a stale form may name a removed one). */
export async function findOrganisation(tx: Database, id: string) {
  const organisation = await queryOrganisation({ db: tx, id });
  if (!organisation) {
    throw invalid({ organisationId: [{ key: 'admin.errors.organisationUnknown' }] });
  }
  return organisation;
}
