import fc from 'fast-check';
import { isValidLei, leiCheckDigits, leiProblem } from '../../../src/domain/identifiers/lei';

// The LEIs of /work/shared/formats/example/entities.csv.
const EXAMPLE_LEIS = ['277200PMRW7Y75TG3D58', '938500T3WDEIVDLS4G19', '216400OC5JDBCKC7C535'];

// Real, issued LEIs from GLEIF's golden copy of 2023-06-05 (CC0 1.0), as kept in
// /work/shared/realdata/gleif/lei-data.xml and lei-updates-data2.xml.
const GLEIF_LEIS = [
  '001GPB6A9XPE8XJICC14',
  '004L5FPTUREIWK9T2N63',
  '00EHHQ2ZHDCFXJCPCL46',
  '00GBW0Z2GYIER7DHDS71',
  '00KLB2PFTM3060S2N216',
  '00X5RQKJQQJFFX0WPA53',
  '1595D0QCK7Y15293JK84',
  '213800FERQ5LE3H7WJ58',
  '213800BJPX8V9HVY1Y11',
  '2138002YAB7Z9KO21397',
  '549300JB1P61FUTPEZ75',
  '98450051BS9C610A8T78',
  'ZZZWS8Y6XVKM0Q9RJQ79',
];

describe('LEI (ISO 17442, ISO 7064 MOD 97-10)', () => {
  it.each(EXAMPLE_LEIS)('accepts the example entity LEI %s', (code) => {
    expect(leiProblem(code)).toBeNull();
  });

  it.each(GLEIF_LEIS)('accepts the GLEIF LEI %s', (code) => {
    expect(leiProblem(code)).toBeNull();
  });

  it.each([
    ['wrong check digits', '001GPB6A9XPE8XJICC15', /check digits are 15, expected 14/],
    ['two swapped characters', '010GPB6A9XPE8XJICC14', /check digits/],
    ['19 characters', '001GPB6A9XPE8XJICC1', /expected 18 characters/],
    ['letters in the check digits', '001GPB6A9XPE8XJICCAB', /expected 18 characters/],
    ['lower case', '001gpb6a9xpe8xjicc14', /expected 18 characters/],
    ['punctuation', '001GPB6A9XPE8XJ-CC14', /expected 18 characters/],
  ])('rejects %s', (_case, code, reason) => {
    expect(leiProblem(code)).toMatch(reason);
  });

  it('computes the published check digits from the prefix', () => {
    expect(leiCheckDigits('001GPB6A9XPE8XJICC')).toBe('14');
    expect(leiCheckDigits('213800BJPX8V9HVY1Y')).toBe('11');
  });

  it('validates every prefix completed with its own check digits', () => {
    const prefix = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')),
      minLength: 18,
      maxLength: 18,
    });
    fc.assert(fc.property(prefix, (p) => isValidLei(p + leiCheckDigits(p))));
  });
});
