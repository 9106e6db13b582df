/**
 * The interchange format (../shared/formats/README.md), pure part: read, validate, write.
 * The PostgreSQL side (import, export, the commands' session) is under ./postgres.
 */
export { readDataset, type ReadResult } from './dataset-reader';
export { type ExistingState, NOTHING_STORED, validateDataset } from './dataset-validator';
export { writeDataset } from './dataset-writer';
export {
  DatasetRejectedError,
  type FieldProblem,
  formatProblem,
  type ImportProblem,
} from './import-problem';
export { type DatasetLines, FILE_ORDER, FORMATS } from './interchange-format';
export * from './record-validators';
