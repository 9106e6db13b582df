import pino from 'pino';
import type { Orm } from '../../src/persistence/orm';
import { startServer, type RunningServer } from '../../src/server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The real HTTP server on an ephemeral port, for end-to-end tests. */
export class TestApi {
  private constructor(
    private readonly server: RunningServer,
    readonly url: string,
  ) {}

  static async start(orm: Orm): Promise<TestApi> {
    const server = await startServer(orm, 0, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
    return new TestApi(server, server.url);
  }

  async query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Like `query`, but fails the test on any GraphQL error. */
  async data<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await this.query<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
