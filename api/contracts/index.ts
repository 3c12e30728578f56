// The contract as the platform checks it: its fields, its calendar, and rules 1 to 5.
export { checkContracts, CONTRACT_RULES, type CheckContractsOptions } from './check';
export type { ContractRule, ContractViolation } from './violations';
export { CONTRACT_FIELDS, contratSchema, normaliseEmail } from './fields';
export { frenchDateKey, isRealDate, parseFrenchDate, parseFrenchDateTime } from './calendar';
