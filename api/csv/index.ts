// A school's CSV export of its contracts, read and checked against the contract (see checkCsv.ts).
export { checkContractsCsv, separatorName, type CsvCheck } from './checkCsv';
export { formatProblem, type CsvProblem, type CsvFileRule } from './problems';
export type { CsvRow } from './rows';
export type { ReadOptions } from './readCsv';
export type { Separator } from './separator';
