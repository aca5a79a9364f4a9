export { createSandbox } from './sandbox.js';
export type {
  Bridge,
  HandlerError,
  HandlerErrorCode,
  ModuleCheck,
  RunOptions,
  RunResult,
  Sandbox,
  SandboxOptions,
  ServiceFunctionInfo,
  StepCall,
  StepRecord,
} from './types.js';
