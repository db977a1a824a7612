/** Shared fixtures of the metrics tests. */
import { expect } from 'vitest';
import { UserError } from '../../src/i18n';
import type { CallContext } from '../../src/metrics/types';

export const zh: CallContext = { timeZone: 'Asia/Shanghai', locale: 'zh' };
export const en: CallContext = { timeZone: 'Asia/Shanghai', locale: 'en' };

/** A one-column range, as Sheets passes `A2:A4`. */
export const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** The UserError `f` throws (the test fails if it throws nothing or something else). */
export function userErrorOf(f: () => unknown): UserError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(UserError);
  return caught as UserError;
}
