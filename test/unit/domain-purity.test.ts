import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FORBIDDEN =
  /from '(@mikro-orm\/|type-graphql|graphql|@apollo\/|dataloader|pg'|.*\/(persistence|graphql|services)\/)/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/domain is pure', () => {
  it.each(filesUnder(resolve(__dirname, '../../src/domain')))(
    '%s imports no ORM, GraphQL or I/O layer',
    (file) => {
      const offending = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => FORBIDDEN.test(line));
      expect(offending).toEqual([]);
    },
  );
});
