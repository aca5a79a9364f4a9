/** `[start, end)` offsets into the handler's code (UTF-16 code units, as JavaScript strings index). */
export type Range = [start: number, end: number];

/**
 * How a parameter's source text can be edited:
 * - `literal`: a string, number, boolean or null literal (or a template string without `${}`); `value` holds it.
 * - `eventPath`: a member path on the handler's event parameter, e.g. `event.next.sales`; `path` holds `['next', 'sales']`.
 * - `variable`: a name (optionally followed by a dotted path, e.g. `order.id`); `path` holds `['order', 'id']`.
 * - `object`: an object literal of plain `key: value` properties; `fields` holds one parameter per property.
 * - `name`: an identifier picked from a list (model, service, function, data operation, declared variable).
 * - `expression`: anything else, shown and edited as source text.
 */
export type ParamForm = 'literal' | 'eventPath' | 'variable' | 'object' | 'name' | 'expression';

export interface Param {
  /** Name within its block (`title`, `values`, `test`); object fields use their key. */
  name: string;
  /** Exact source text. */
  text: string;
  range: Range;
  form: ParamForm;
  /** `literal` only. */
  value?: string | number | boolean | null;
  /** `eventPath` and `variable` only. */
  path?: string[];
  /** `object` only: one parameter per property, in source order. */
  fields?: Param[];
}

/** A comment kept with the statement it belongs to. */
export interface SourceComment {
  /** Exact source text, markers included (`// why`). */
  text: string;
  range: Range;
  line: number;
}

/** Where a nested list of blocks sits inside its container. */
export type SlotRole =
  'body' | 'then' | 'elseIf' | 'else' | 'try' | 'catch' | 'finally' | 'case' | 'default';

/** A list of statements nested in a block: the branch of an `if`, a loop body, a `catch`, a `case`. */
export interface BlockSlot {
  role: SlotRole;
  /** `elseIf` and `case`: `test`; `catch`: `error` (when the clause binds one). */
  params: Param[];
  blocks: Block[];
  /** The text that holds the statements: inside the braces, after a `case` colon, or the single unbraced statement. */
  range: Range;
  /** False for a single statement without braces (`if (x) return;`) and for `case` lists. */
  braced: boolean;
  /** Line of the slot's header (`if (…) {`, `} else {`, `case 1:`). */
  line: number;
}

export type DeclarationKind = 'const' | 'let' | 'var';

/** Where a call's result goes: `const order = await app.models.Order.create(…)`. Its target is the param `assignTo`. */
export interface Assignment {
  declare: DeclarationKind | null;
  /** `=`, `+=`, … (always `=` for declarations). */
  operator: string;
  target: string;
}

export const DATA_OPS = [
  'create',
  'get',
  'query',
  'update',
  'delete',
  'updateMany',
  'deleteMany',
  'count',
] as const;
export type DataOp = (typeof DATA_OPS)[number];

export type LoopKind = 'for' | 'forIn' | 'while' | 'doWhile';

interface BlockBase {
  /** Unique within a document; kept across edits for blocks the edit did not replace. */
  id: string;
  /** The statement itself, without attached comments. */
  range: Range;
  /** The statement with its leading comment lines and same-line trailing comments: what moves and deletes. */
  fullRange: Range;
  /** 1-based lines of `range`. */
  line: number;
  endLine: number;
  params: Param[];
  slots: BlockSlot[];
  leadingComments: SourceComment[];
  trailingComments: SourceComment[];
}

interface CallBlockBase extends BlockBase {
  /** The call is awaited (`await app.notify(…)`). */
  awaited: boolean;
  assignTo: Assignment | null;
}

/** `app.notify({ to, title, body })`: params are the object's fields, or `args` when it is not an object literal. */
export interface NotifyBlock extends CallBlockBase {
  kind: 'notify';
  /** True when the params are the fields of an object literal argument. */
  argsObject: boolean;
}
/** `app.services.<service>.<fn>(args)`: params `service`, `fn` (names), then `args`, `arg2`, …. */
export interface ServiceCallBlock extends CallBlockBase {
  kind: 'serviceCall';
  service: string;
  fn: string;
}
/** `app.models.<model>.<op>(…)`: params `model`, `op` (names), then the op's arguments (see `DATA_OP_ARGS`). */
export interface DataBlock extends CallBlockBase {
  kind: 'data';
  model: string;
  op: DataOp;
}
/** `app.event.publish(sender, args)`. */
export interface PublishBlock extends CallBlockBase {
  kind: 'publish';
}
/** `app.log(…)`: params `arg1`, `arg2`, …. */
export interface LogBlock extends CallBlockBase {
  kind: 'log';
}
/** `if (test) … else if (…) … else …`: param `test`; slots `then`, `elseIf`*, `else`?. */
export interface IfBlock extends BlockBase {
  kind: 'if';
}
/** `for (const item of items)`: params `item`, `items`; slot `body`. */
export interface ForEachBlock extends BlockBase {
  kind: 'forEach';
  declare: DeclarationKind | null;
  /** `for await (…)`. */
  awaitEach: boolean;
}
/** Any other loop; params: for `init`/`test`/`update`, forIn `item`/`object`, while and doWhile `test`. */
export interface LoopBlock extends BlockBase {
  kind: 'loop';
  loop: LoopKind;
  declare: DeclarationKind | null;
}
/** `const x = value`, `x = value`, `event.next.total += 1`: params `target`, `value` (absent in `let x;`). */
export interface SetVariableBlock extends BlockBase {
  kind: 'setVariable';
  declare: DeclarationKind | null;
  operator: string;
  /** Names the statement declares (empty for an assignment). */
  names: string[];
  /** Source of the declared type (`number` in `const x: number = 1`), or null. */
  type: string | null;
}
/** `return value`: param `value` when present. */
export interface ReturnBlock extends BlockBase {
  kind: 'return';
}
/** `throw new Error(message)`: refuses the write in a before handler. Param `message` when present. */
export interface AbortBlock extends BlockBase {
  kind: 'abort';
}
/** `try { } catch (error) { } finally { }`: slots `try`, `catch`?, `finally`?. */
export interface TryBlock extends BlockBase {
  kind: 'try';
}
/** `switch (value) { case …: }`: param `value`; one slot per clause. */
export interface SwitchBlock extends BlockBase {
  kind: 'switch';
}
/** A run of whole comment lines that is not attached to a statement. */
export interface CommentBlock extends BlockBase {
  kind: 'comment';
  /** The comment's content, markers removed, one line per source line. */
  text: string;
}
/** A statement with no block form, kept as its exact text. */
export interface RawBlock extends BlockBase {
  kind: 'raw';
  text: string;
  /** Why it is not a block, in words a user can act on. */
  reason: string;
}

export type Block =
  | NotifyBlock
  | ServiceCallBlock
  | DataBlock
  | PublishBlock
  | LogBlock
  | IfBlock
  | ForEachBlock
  | LoopBlock
  | SetVariableBlock
  | ReturnBlock
  | AbortBlock
  | TryBlock
  | SwitchBlock
  | CommentBlock
  | RawBlock;

export type BlockKind = Block['kind'];

export type ParseErrorCode = 'SYNTAX' | 'NO_HANDLER' | 'HANDLER_SHAPE';

/** Why the code has no block form; `line` and `column` are 1-based, as editors show them. */
export interface ParseError {
  code: ParseErrorCode;
  message: string;
  line: number;
  column: number;
  offset: number;
}

export interface HandlerParam {
  name: string | null;
  text: string;
  /** Source of the type annotation, or null. */
  type: string | null;
}

export interface HandlerInfo {
  /** Name of the event parameter (`event`), or null when it is not a plain name. */
  eventName: string | null;
  /** Name of the app parameter (`app`), or null. */
  appName: string | null;
  params: HandlerParam[];
  returnType: string | null;
  /** The whole `export default …` declaration. */
  range: Range;
  /** Inside the body's braces. */
  bodyRange: Range;
  line: number;
}

/** Formatting habits read from the code, used for text that edits generate. */
export interface CodeStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation (`'  '` or `'\t'`). */
  indentUnit: string;
}

/** The handler's code and its structured view. Plain data: safe to keep in a store or send as JSON. */
export interface BlockDocument {
  /** The exact text; `printBlocks` gives it back. */
  code: string;
  /** Set when the code does not parse or is not a handler; then `blocks` is empty and the text is kept. */
  error: ParseError | null;
  handler: HandlerInfo | null;
  /** The statements of the handler's body. */
  blocks: Block[];
  style: CodeStyle;
  /** Next free number for fresh block ids. */
  nextId: number;
}

/** Id of the handler body, usable as the container of `{ inside: ROOT_ID }`. */
export const ROOT_ID = 'root';
