import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSdl } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(await printSdl()).toBe(checkedIn);
  });
});
