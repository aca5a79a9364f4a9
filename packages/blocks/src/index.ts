export * from './types.js';
export type { ArgSpec, AssignSpec, BlockSpec, Expr } from './block-spec.js';
export type {
  BlockEdit,
  DeleteBlockEdit,
  InsertBlockEdit,
  InsertPosition,
  MoveBlockEdit,
  ReplaceRawEdit,
  SetParamEdit,
  WrapInIfEdit,
} from './edit-types.js';
export { BlockEditError, type BlockEditErrorCode } from './errors.js';
export { parseBlocks, type ParseOptions } from './parse.js';
export { printBlocks } from './print.js';
export {
  applyEdit,
  deleteBlock,
  insertBlock,
  moveBlock,
  replaceRaw,
  setParam,
  wrapInIf,
  type EditResult,
} from './apply-edit.js';
export { generateBlock, literalSource, type GenerateContext } from './generate.js';
export { DATA_OP_ARGS } from './app-calls.js';
export { forEachBlock } from './ids.js';
export { generateLargeHandler, measureBlocks, type BlocksTiming } from './large-handler.js';
export { blockToSpec } from './block-to-spec.js';
export { variablesInScope } from './scope.js';
