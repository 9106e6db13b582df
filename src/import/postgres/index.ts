export { exportDataset, type ExportSummary } from './dataset-exporter';
export {
  importDataset,
  type ImportFileSummary,
  type ImportOptions,
  type ImportSummary,
} from './import-dataset';
export { type ImportOutcome, runImport } from './run-import';
