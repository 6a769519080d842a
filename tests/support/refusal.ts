import { AppError } from '../../lib/server/errors';

/** The AppError a call was refused with (fails the test when the call succeeds or fails otherwise). */
export async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}
