import { writeDataset } from '../import/dataset-writer';
import { DEFAULT_AS_OF, generateBank } from '../../seeds/synthetic/generate-bank';
import { DATASET_KEYS, FORMATS } from '../import/interchange-format';

const USAGE =
  'usage: node dist/src/cli/generate.js --entities N --seed S --out DIR [--as-of YYYY-MM-DD]';

/**
 * Writes a deterministic synthetic bank (seeds/synthetic) as an interchange folder
 * (../shared/formats) ready for `npm run import`. Prints the rows per file, the edges per
 * entity, the time taken and the peak memory.
 */
async function main(args: string[]): Promise<number> {
  const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const entities = Number(option('entities'));
  const seed = Number(option('seed') ?? '1');
  const out = option('out');
  if (!out || !Number.isInteger(entities) || !Number.isInteger(seed)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const bank = generateBank({ entities, seed, asOf: option('as-of') ?? DEFAULT_AS_OF });
  const generated = Date.now();
  await writeDataset(out, bank);
  const written = Date.now();

  for (const key of DATASET_KEYS) {
    process.stdout.write(
      `${FORMATS[key].file.padEnd(18)} ${String(bank[key].length).padStart(9)} rows\n`,
    );
  }
  const edges =
    bank.shareholdings.length +
    bank.roles.length +
    bank.familyTies.length +
    bank.links.length +
    bank.guarantees.length;
  process.stdout.write(
    `edges ${edges} (${(edges / bank.entities.length).toFixed(2)} per entity); ` +
      `generated in ${generated - started} ms, written in ${written - generated} ms to ${out}; ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`generate failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
