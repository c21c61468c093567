import { createWriteStream, type WriteStream } from 'node:fs';

/** The effects a command may use, injected so tests can pass silent or capturing ones. */
export interface Io {
  /** data: JSONL, CSV, tables, reports */
  readonly out: (s: string) => void;
  /** people: progress, warnings, summaries */
  readonly err: (s: string) => void;
  /** stderr is an interactive terminal (progress bars only then) */
  readonly tty: boolean;
  readonly cwd: string;
}

export function processIo(): Io {
  return {
    out: (s) => {
      process.stdout.write(s);
    },
    err: (s) => {
      process.stderr.write(s);
    },
    tty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** A file sink that respects back-pressure; `end` resolves when everything is on disk. */
export function fileSink(path: string): { write: (s: string) => Promise<void>; end: () => Promise<void> } {
  const ws: WriteStream = createWriteStream(path);
  let failed: Error | undefined;
  ws.on('error', (e) => {
    failed = e;
  });
  return {
    write: (s) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        if (ws.write(s)) resolve();
        else ws.once('drain', resolve);
      }),
    end: () =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        ws.end((e?: Error | null) => (e ? reject(e) : resolve()));
      }),
  };
}
