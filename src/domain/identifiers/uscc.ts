/**
 * 统一社会信用代码 (Unified Social Credit Identifier) check character.
 * Source: GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》, §4 and Annex B: 18
 * characters from the 31-symbol set 0-9A-HJ-NPQRTUWXY (no I, O, S, V, Z); the 18th is
 * 31 − (Σ value × weight mod 31) over the first 17, with 31 written as 0.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters, or null when they are not well formed. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let total = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    total += value * WEIGHTS[i];
  }
  const check = 31 - (total % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/** Why `code` is not a valid 统一社会信用代码, or null when it is. */
export function usccProblem(code: string): string | null {
  if (!SHAPE.test(code)) {
    return 'invalid 统一社会信用代码: expected 18 characters from 0-9A-HJ-NPQRTUWXY';
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) {
    return `invalid 统一社会信用代码: check character is ${code[17]}, expected ${expected}`;
  }
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
