import { GraphQLScalarType, Kind } from 'graphql';
import { parseIsoDate } from '../../domain/dates';

/** A calendar date, `YYYY-MM-DD`, as on every dated edge of the graph. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD.',
  serialize: (value) => parseIsoDate(String(value)),
  parseValue: (value) => parseIsoDate(String(value)),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD.');
    return parseIsoDate(ast.value);
  },
});
