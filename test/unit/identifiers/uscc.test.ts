import fc from 'fast-check';
import {
  isValidUscc,
  USCC_CHARSET,
  usccCheckCharacter,
  usccProblem,
} from '../../../src/domain/identifiers/uscc';

// Every 统一社会信用代码 of /work/shared/formats/example/entities.csv.
const EXAMPLE_USCCS = [
  '91310000EEYQ5NCP5G',
  '91330100U6XYHXBE0B',
  '91310000MKB5HNMK26',
  '91320500XPNPT6N29M',
  '91110000U6PQ7CA02M',
  '91330100BJR3Y09G9M',
  '913205000HYGTF1Y4N',
  '91310000KJQPMDFQ4K',
  '91310000NT2WMCP86N',
  '914403007EEH137G7Q',
  '91320500RTK7DFN882',
  '91310000XYAF6CDK2G',
  '91320500TMJK9NEW6G',
  '91110000LURP80FH5K',
  '91310000J3AMY7LK0J',
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(EXAMPLE_USCCS)('accepts the example entity code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it.each([
    ['a wrong check character', '91310000EEYQ5NCP5H', /check character is H, expected G/],
    ['two swapped characters', '91310000EEQY5NCP5G', /check character/],
    ['17 characters', '91310000EEYQ5NCP5', /expected 18 characters/],
    ['19 characters', '91310000EEYQ5NCP5GG', /expected 18 characters/],
    ['the excluded letter I', '9131000IEEYQ5NCP5G', /expected 18 characters/],
    ['the excluded letter O', '91310000EEYQ5NCPOG', /expected 18 characters/],
    ['lower case', '91310000eeyq5ncp5g', /expected 18 characters/],
  ])('rejects %s', (_case, code, reason) => {
    expect(usccProblem(code)).toMatch(reason);
  });

  it('writes a computed check of 31 as 0', () => {
    // Σ mod 31 = 0 gives 31 − 0 = 31, which the standard writes as the symbol of value 0.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(isValidUscc('000000000000000000')).toBe(true);
  });

  it('validates every code completed with its own check character', () => {
    const body = fc.string({
      unit: fc.constantFrom(...USCC_CHARSET.split('')),
      minLength: 17,
      maxLength: 17,
    });
    fc.assert(fc.property(body, (first17) => isValidUscc(first17 + usccCheckCharacter(first17))));
  });

  it('detects every single-character substitution', () => {
    const body = fc.string({
      unit: fc.constantFrom(...USCC_CHARSET.split('')),
      minLength: 17,
      maxLength: 17,
    });
    fc.assert(
      fc.property(body, fc.nat(17), fc.nat(30), (first17, at, shift) => {
        const code = first17 + usccCheckCharacter(first17);
        const old = USCC_CHARSET.indexOf(code[at]);
        const changed = USCC_CHARSET[(old + 1 + (shift % 30)) % 31];
        return !isValidUscc(code.slice(0, at) + changed + code.slice(at + 1));
      }),
    );
  });
});
