import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './UserError.js';

/** node:util parseArgs, with its errors turned into usage errors (exit 2). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UserError(`pulse ${command}: ${(e as Error).message}`, 2);
  }
}

export function required<T>(command: string, name: string, v: T | undefined): T {
  if (v === undefined || v === '') throw new UserError(`pulse ${command}: --${name} is required`, 2);
  return v;
}

export function yearArg(command: string, v: string | undefined): number {
  const s = required(command, 'year', v);
  if (!/^\d{4}$/.test(s)) throw new UserError(`pulse ${command}: --year must be a four-digit year, got "${s}"`, 2);
  return Number(s);
}

export function langArg(command: string, v: string | undefined): string | undefined {
  if (v === undefined || v === 'auto') return undefined;
  if (!['sv', 'da', 'nb', 'en'].includes(v)) {
    throw new UserError(`pulse ${command}: --lang must be auto, sv, da, nb or en, got "${v}"`, 2);
  }
  return v;
}
