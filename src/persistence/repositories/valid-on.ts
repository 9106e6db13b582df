/** `validFrom <= d < validTo`, nulls open: the ORM form of the `validity @> d` range test. */
export function validOn(asOf: string | null): Record<string, unknown> {
  if (asOf === null) return {};
  return {
    $and: [
      { $or: [{ validFrom: null }, { validFrom: { $lte: asOf } }] },
      { $or: [{ validTo: null }, { validTo: { $gt: asOf } }] },
    ],
  };
}
