import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverStart } from '../../bench/server-node-flags';

function packageWithStart(start: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flags-')), 'package.json');
  writeFileSync(file, JSON.stringify({ scripts: { start } }));
  return file;
}

describe('serverStart', () => {
  it('gives the bench the environment and flags npm start runs the server with', () => {
    const start = serverStart();
    expect(start.flags).toContain('--max-semi-space-size=8');
    expect(start.flags).toContain('--heap-growing-percent=100');
    expect(start.flags).toContain('--expose-gc');
    expect(start.env).toEqual({
      MALLOC_MMAP_THRESHOLD_: '131072',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
  });

  it('reads every variable before node and every flag between node and main.js', () => {
    const file = packageWithStart('npm run build && A_1=x B= node --a=1 --b dist/src/main.js');
    expect(serverStart(file)).toEqual({ env: { A_1: 'x', B: '' }, flags: ['--a=1', '--b'] });
    expect(serverStart(packageWithStart('node dist/src/main.js'))).toEqual({ env: {}, flags: [] });
  });

  it('refuses a start script it cannot read, rather than bench another server', () => {
    expect(() => serverStart(packageWithStart('ts-node src/main.ts'))).toThrow(/start script/);
  });
});
