import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSdl } from '../graphql/schema';

/** Writes schema/schema.graphql; a test fails when the checked-in file is stale. */
async function main(): Promise<void> {
  const target = resolve(__dirname, '../../../schema/schema.graphql');
  writeFileSync(target, await printSdl());
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
