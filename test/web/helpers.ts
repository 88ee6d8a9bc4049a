/** What the file host's tests share. */
import { HostError } from '../../src/host/types';

/** The error an action rejects with (the test fails when it resolves, or rejects with something else). */
export async function rejection(p: Promise<unknown>): Promise<HostError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}
