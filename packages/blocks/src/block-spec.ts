import type { DataOp, DeclarationKind, LoopKind } from './types.js';

/** Source text of an expression, e.g. `'Big order'`, `event.next.sales`, `total * 2`. */
export type Expr = string;

/** A call argument: an expression, or an object literal given as field → expression. */
export type ArgSpec = Expr | { [field: string]: Expr };

/** Keep the call's result: `const order = await …` (`declare: null` assigns to an existing target). */
export interface AssignSpec {
  /** Defaults to `const`. */
  declare?: DeclarationKind | null;
  target: string;
  /** `=` (default), `+=`, … */
  operator?: string;
}

interface CallSpec {
  /** Defaults to true for app calls, false for `log`. */
  await?: boolean;
  assignTo?: AssignSpec;
}

/** What to generate for a new block; expressions are given as source text. */
export type BlockSpec =
  /** `params` gives the object's fields (`to`, `title`, `body`); `args` an expression passed instead. */
  | (CallSpec & { kind: 'notify'; params?: { [field: string]: Expr }; args?: Expr })
  | (CallSpec & { kind: 'serviceCall'; service: string; fn: string; args?: ArgSpec[] })
  | (CallSpec & { kind: 'data'; model: string; op: DataOp; args?: ArgSpec[] })
  | (CallSpec & { kind: 'publish'; sender: Expr; args?: ArgSpec })
  | (CallSpec & { kind: 'log'; args: Expr[] })
  | {
      kind: 'if';
      test: Expr;
      then?: BlockSpec[];
      elseIfs?: { test: Expr; body?: BlockSpec[] }[];
      else?: BlockSpec[];
    }
  | {
      kind: 'forEach';
      item: string;
      items: Expr;
      /** Defaults to `const`; null loops over an existing variable. */
      declare?: DeclarationKind | null;
      await?: boolean;
      body?: BlockSpec[];
    }
  | {
      kind: 'loop';
      loop: LoopKind;
      /** `while` and `doWhile`: the condition; `for`: the middle part. */
      test?: Expr;
      init?: string;
      update?: Expr;
      /** `forIn`: `for (const item in object)`. */
      item?: string;
      object?: Expr;
      declare?: DeclarationKind | null;
      body?: BlockSpec[];
    }
  | {
      kind: 'setVariable';
      /** Defaults to `const`; null for an assignment to an existing target. */
      declare?: DeclarationKind | null;
      target: string;
      /** Declared type: `const x: number = 1`. */
      type?: string;
      /** Absent: `let x;`. */
      value?: Expr;
      /** `=` (default), `+=`, … */
      operator?: string;
    }
  | { kind: 'return'; value?: Expr }
  | { kind: 'abort'; message?: Expr }
  | {
      kind: 'try';
      try?: BlockSpec[];
      catch?: { error?: string; body?: BlockSpec[] };
      finally?: BlockSpec[];
    }
  | { kind: 'switch'; value: Expr; cases: { test: Expr | null; body?: BlockSpec[] }[] }
  | { kind: 'comment'; text: string }
  /**
   * Statements given as text. Lines after the first are moved from `fromIndent` (default: none) to
   * the indentation where the text goes.
   */
  | { kind: 'raw'; text: string; fromIndent?: string };
