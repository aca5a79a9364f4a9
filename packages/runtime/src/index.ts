export {
  Runtime,
  type RuntimeOptions,
  type ElementSummary,
  type ElementDocument,
} from './runtime.js';
export { WhenThenError, type ErrorCode, type ErrorDetail } from './errors.js';
export type {
  Execution,
  ExecutionDetail,
  ExecutionFilter,
  ExecutionStatus,
} from './records/types.js';
export { EXECUTION_STATUSES } from './records/types.js';
export type { Notification } from './records/notifications.js';
export type { Row } from './data/model-store.js';
export { changedFields, valueChanged } from './data/field-changes.js';
export { compileCondition } from './data/sql-conditions.js';
export { newId, idTime } from './ids.js';
export { openDatabase } from './data/database.js';
export type { StepRecord } from './sandbox/index.js';
export { rootChain, type Chain } from './events/chain.js';
export type {
  ApprovalInstance,
  ApprovalDetail,
  ApprovalTask,
  ApprovalHistoryEntry,
  ApprovalFilter,
} from './approvals/approval-store.js';
export type { AppUser } from './approvals/approvals.js';
