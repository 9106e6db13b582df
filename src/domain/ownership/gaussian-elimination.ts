/**
 * Gaussian elimination with partial pivoting (Golub & Van Loan, "Matrix Computations",
 * §3.4), in 40-digit decimals so a cross-holding gives its closed form to 40 digits rather
 * than a float approximation. Used on one strongly-connected component of a holding graph
 * at a time: a handful of companies, so the cubic cost is immaterial.
 */
import { Decimal } from '../money/decimal';

/** A pivot this small means the matrix is singular up to the 40-digit working precision. */
const SINGULAR = new Decimal('1e-30');

/** Solves `a · x = b`; null when `a` is singular. The inputs are not modified. */
export function solveLinearSystem(
  a: readonly Decimal[][],
  b: readonly Decimal[],
): Decimal[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (m[r][col].abs().greaterThan(m[pivot][col].abs())) pivot = r;
    }
    if (m[pivot][col].abs().lessThan(SINGULAR)) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col].dividedBy(m[col][col]);
      if (factor.isZero()) continue;
      for (let c = col; c <= n; c++) m[r][c] = m[r][c].minus(factor.times(m[col][c]));
    }
  }
  const x: Decimal[] = new Array<Decimal>(n);
  for (let r = n - 1; r >= 0; r--) {
    let acc = m[r][n];
    for (let c = r + 1; c < n; c++) acc = acc.minus(m[r][c].times(x[c]));
    x[r] = acc.dividedBy(m[r][r]);
  }
  return x;
}
