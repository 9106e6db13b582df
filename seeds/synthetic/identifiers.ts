/**
 * Checksum-valid registry identifiers for synthetic companies, derived from the company's
 * sequence number so they are unique and reproducible.
 * - 统一社会信用代码 (USCC), GB 32100-2015: 18 characters; the 9-character organisation code
 *   inside it carries its own GB 11714-1997 check character.
 * - LEI, ISO 17442: 20 characters, two check digits by ISO 7064 mod 97-10.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const LEI_PREFIXES = ['3003', '5493', '9845', '3358', '8156'];

/** GB 32100-2015 check character of the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

/** GB 11714-1997 check character of an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A USCC for an enterprise (`91`) registered in `adminCode` (6-digit division code). */
export function makeUscc(seq: number, adminCode: string): string {
  const body = String(seq).padStart(8, '0');
  if (body.length > 8 || adminCode.length !== 6) {
    throw new RangeError(`identifiers: cannot encode USCC for ${seq} in ${adminCode}`);
  }
  const first17 = `91${adminCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** ISO 7064 mod 97-10 remainder of an alphanumeric string (A=10 … Z=35), digit by digit. */
export function mod97(text: string): number {
  let rem = 0;
  for (const ch of text) {
    const v = parseInt(ch, 36);
    rem = v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
  }
  return rem;
}

export function makeLei(seq: number): string {
  const prefix = LEI_PREFIXES[seq % LEI_PREFIXES.length];
  const entity = seq.toString(36).toUpperCase().padStart(12, '0');
  const first18 = `${prefix}00${entity}`;
  const check = 98 - mod97(`${first18}00`);
  return first18 + String(check).padStart(2, '0');
}
