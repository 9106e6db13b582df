export { isValidLei, leiCheckDigits, leiProblem } from './lei';
export { isValidUscc, USCC_CHARSET, usccCheckCharacter, usccProblem } from './uscc';
