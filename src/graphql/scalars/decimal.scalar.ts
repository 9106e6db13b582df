import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Exact decimal numbers (money, percentages, rates) as strings, e.g. "1700000000" or
 * "4.7188". Never a float: a JSON number would lose digits on large amounts.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1700000000.00" or "4.7188".',
  serialize: (value) => String(value),
  parseValue: (value) => checked(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Decimal must be given as a string, e.g. "1000000.00".', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return checked(ast.value);
  },
});

function checked(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new GraphQLError(
      `"${String(value)}" is not a decimal: use digits with an optional "." and no thousands separator.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}
