import pino from 'pino';
import type { Orm } from '../../src/persistence/orm';
import { startServer, type RunningServer } from '../../src/server';
import { startAppServices, type AppServices } from '../../src/services/app-services';

export const TEST_TODAY = '2026-11-23';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The real HTTP server on an ephemeral port, for end-to-end tests. */
export class TestApi {
  private constructor(
    private readonly server: RunningServer,
    readonly url: string,
    readonly app: AppServices,
  ) {}

  /**
   * `today` fixes the server's calendar date so "current" answers are reproducible; a
   * function lets a test move the calendar on.
   */
  static async start(orm: Orm, today: string | (() => string) = TEST_TODAY): Promise<TestApi> {
    const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const clock = typeof today === 'string' ? () => today : today;
    const app = await startAppServices(orm, log, { today: clock });
    const server = await startServer(app, 0, log);
    return new TestApi(server, server.url, app);
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
