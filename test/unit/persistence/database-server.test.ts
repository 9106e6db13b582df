import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unreachableByOthers } from '../../../src/persistence/database-server';

describe('embedded PostgreSQL programs as the postgres user', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-bin-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are reachable when every folder on the way lets others through', () => {
    const bin = join(root, 'native', 'bin');
    mkdirSync(bin, { recursive: true });
    chmodSync(root, 0o755);
    expect(unreachableByOthers(bin)).toBeUndefined();
  });

  it('are not behind a private folder, and the message says what to do', () => {
    const bin = join(root, 'native', 'bin');
    mkdirSync(bin, { recursive: true });
    chmodSync(root, 0o700);
    const problem = unreachableByOthers(bin);
    expect(problem).toContain(bin);
    expect(problem).toMatch(/DATABASE_URL/);
  });
});
