/**
 * Legal Entity Identifier check digits.
 * Source: ISO 17442-1:2020 §4 (20 characters: 18 alphanumerics then 2 check digits) with the
 * check digits of ISO/IEC 7064 MOD 97-10: letters read as 10..35, the whole number mod 97
 * must equal 1.
 */

const SHAPE = /^[0-9A-Z]{18}[0-9]{2}$/;

/** The value mod 97 of `text` read as ISO 7064 digits (A = 10 … Z = 35). */
function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    // Letters add two digits; fold them one at a time to stay within safe integers.
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** The two check digits for an 18-character LEI prefix, or null when it is not well formed. */
export function leiCheckDigits(first18: string): string | null {
  if (!/^[0-9A-Z]{18}$/.test(first18)) return null;
  const check = 98 - mod97(`${first18}00`);
  return String(check).padStart(2, '0');
}

/** Why `code` is not a valid LEI, or null when it is. */
export function leiProblem(code: string): string | null {
  if (!SHAPE.test(code)) {
    return 'invalid LEI: expected 18 characters 0-9A-Z then 2 check digits';
  }
  if (mod97(code) !== 1) {
    return `invalid LEI: check digits are ${code.slice(18)}, expected ${leiCheckDigits(code.slice(0, 18))}`;
  }
  return null;
}

export function isValidLei(code: string): boolean {
  return leiProblem(code) === null;
}
