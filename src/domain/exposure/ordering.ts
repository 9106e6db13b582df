/** Code-point order for ids: deterministic, unlike localeCompare, across machines. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
