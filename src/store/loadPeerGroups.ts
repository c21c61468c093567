import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { z } from 'zod';
import { UserError } from '../cli/UserError.js';
import type { Database } from './openDatabase.js';

const rowSchema = z.object({
  municipality: z.string().trim().min(1, 'the municipality is empty'),
  peer_group: z.string().trim().min(1, 'the peer group is empty'),
});

/** Parses a peer-group CSV (`municipality,peer_group`, e.g. SKR kommungrupp or size class). */
export function parsePeerGroups(text: string, file: string): { municipality: string; peer_group: string }[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  for (const need of ['municipality', 'peer_group']) {
    if (!fields.includes(need)) {
      throw new UserError(`${file}:1: missing required column "${need}"; the header has ${fields.map((f) => `"${f}"`).join(', ')}`);
    }
  }
  const seen = new Map<string, number>();
  return parsed.data.map((r, i) => {
    const line = i + 2;
    const ok = rowSchema.safeParse(r);
    if (!ok.success) throw new UserError(`${file}:${line}: ${ok.error.issues[0]?.message}`);
    const first = seen.get(ok.data.municipality);
    if (first) throw new UserError(`${file}:${line}: municipality "${ok.data.municipality}" is listed twice (first on line ${first})`);
    seen.set(ok.data.municipality, line);
    return ok.data;
  });
}

/** Replaces the database's peer groups with those of the file (inside the caller's transaction). */
export async function loadPeerGroups(db: Database, file: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the peer-group file named in the pipeline`);
  }
  const rows = parsePeerGroups(text, file);
  await db.connection.run('DELETE FROM peer_groups');
  for (const r of rows) {
    await db.connection.run('INSERT INTO peer_groups VALUES ($m, $g)', { m: r.municipality, g: r.peer_group });
  }
  return rows.length;
}
