// Awaits a request that must fail and returns its ApiError, failing the
// test if it succeeded or failed some other way.
import { expect } from 'vitest';
import { ApiError } from '../../../web/src/api/problem';

export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
