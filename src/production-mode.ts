/**
 * Imported first by the server's entry points: graphql-js decides at load time whether to
 * run its development-only checks (a cross-realm `instanceof` test on every type it meets,
 * about a third of a cached request's execution), and Apollo whether to put stack traces
 * in error responses. A server runs in production mode unless NODE_ENV says otherwise
 * (tests run with NODE_ENV=test and keep the checks).
 */
process.env.NODE_ENV ??= 'production';

export {};
