/**
 * Counts the SQL statements MikroORM sends, through its query logger: pass `options` to
 * `openOrm`, then read `count` around the code under test.
 */
export function sqlCounter() {
  const statements: string[] = [];
  return {
    statements,
    get count() {
      return statements.length;
    },
    reset() {
      statements.length = 0;
    },
    options: {
      debug: ['query' as const],
      logger: (message: string) => {
        if (message.includes('[query]')) statements.push(message);
      },
    },
  };
}
