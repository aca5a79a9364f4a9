export { createSandbox } from './sandbox.js';
export type {
  Bridge,
  HandlerError,
  HandlerErrorCode,
  RunOptions,
  RunResult,
  Sandbox,
  SandboxOptions,
  StepCall,
  StepRecord,
} from './types.js';
