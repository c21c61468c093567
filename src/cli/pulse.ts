import { main } from './main.js';
import { processIo } from './io.js';

// The `pulse` entry point: the only place that touches process exit status.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pulse: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
