/**
 * Independent checksum verifiers for the tests (not the generator's own code): USCC by
 * GB 32100-2015, its organisation code by GB 11714-1997, LEI by ISO 17442 / ISO 7064 mod 97-10.
 */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(code[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check] === code[17];
}

export function isValidOrgCode(code9: string): boolean {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(code9[i], 36) * weights[i];
  const c = 11 - (sum % 11);
  return code9[8] === (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

export function isValidLei(code: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(code)) return false;
  const digits = [...code].map((ch) => parseInt(ch, 36)).join('');
  let rem = 0;
  for (let i = 0; i < digits.length; i += 7) rem = Number(`${rem}${digits.slice(i, i + 7)}`) % 97;
  return rem === 1;
}
