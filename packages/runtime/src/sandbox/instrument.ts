import ts from 'typescript';
import type { HandlerSource } from './handler-source.js';
import { EditedText, type Edit } from './position-map.js';

/** What the host knows about one instrumented statement; its index + 1 is the statement id (sid). */
export type StaticStatement = {
  /** sid of the enclosing instrumented statement, 0 at the top of the handler body. */
  parent: number;
  line: number;
  endLine: number;
  range: [number, number];
  text: string;
};

export type InstrumentedHandler = { edited: EditedText; statements: StaticStatement[] };

/** Name of the per-run step recorder the instrumented code calls (`b`egin, `e`nd, fail, catch). */
const RT = '__wt';
const TEXT_MAX = 120;

/**
 * Turns stripped handler text into a script evaluating to a factory `(recorder) => handler`, and
 * instruments every statement of the handler body (nested blocks included) with begin/end calls.
 *
 * A statement that may be wrapped becomes `b(sid);try{S}catch(e){throw x(sid,e)}finally{e(sid)}`:
 * the catch records the error at the innermost statement it passed through. let/const/class
 * declarations cannot be wrapped (that would change their scope), so they get `b(sid);S;e(sid);`;
 * when they throw, the host closes them as failed once it sees where execution went on. Catch
 * clauses report the caught error (`c(sid, err)`) so a declaration failing inside `try` gets it too.
 * Only insertions are made, none with a newline, so lines stay the author's and columns map back.
 * Function declarations and nested functions/callbacks are not instrumented.
 */
export function instrument(source: HandlerSource, stripped: string): InstrumentedHandler {
  const { sf, handler } = source;
  const code = sf.text;
  const edits: Edit[] = [];
  const statements: StaticStatement[] = [];
  const insert = (pos: number, text: string) => edits.push({ pos, remove: 0, text });

  insert(0, `(function(${RT}){"use strict";let __wt_f;const __wt_h=(f)=>{__wt_f=f};`);
  for (const statement of source.blank) {
    const start = statement.getStart(sf);
    const text = stripped.slice(start, statement.end).replace(/[^\n]/g, ' ');
    edits.push({ pos: start, remove: statement.end - start, text });
  }
  const modifiers = ts.getModifiers(handler) ?? [];
  const exportStart = modifiers[0]?.getStart(sf) ?? handler.getStart(sf);
  const defaultKeyword = modifiers.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  // Passed as an argument rather than assigned, the handler stays anonymous in stack traces.
  edits.push({
    pos: exportStart,
    remove: (defaultKeyword?.end ?? exportStart) - exportStart,
    text: '__wt_h(',
  });

  const add = (node: ts.Statement, parent: number): number => {
    const start = node.getStart(sf);
    const firstLine = code.slice(start, node.end).split('\n', 1)[0] ?? '';
    statements.push({
      parent,
      line: sf.getLineAndCharacterOfPosition(start).line + 1,
      endLine: sf.getLineAndCharacterOfPosition(node.end).line + 1,
      range: [start, node.end],
      text: firstLine.trim().slice(0, TEXT_MAX),
    });
    return statements.length;
  };

  const visitList = (list: readonly ts.Statement[], parent: number, skipDirectives = false) => {
    let prologue = skipDirectives;
    for (const statement of list) {
      if (
        prologue &&
        ts.isExpressionStatement(statement) &&
        ts.isStringLiteral(statement.expression)
      )
        continue;
      prologue = false;
      visitStatement(statement, parent, true);
    }
  };

  const visitBranch = (statement: ts.Statement, parent: number) => {
    if (ts.isBlock(statement)) visitList(statement.statements, parent);
    else visitStatement(statement, parent, false);
  };

  const visitStatement = (statement: ts.Statement, parent: number, inList: boolean) => {
    if (isNotExecuted(statement)) return;
    const sid = add(statement, parent);
    const start = statement.getStart(sf);
    if (isLexicalDeclaration(statement)) {
      insert(start, `${RT}.b(${sid});`);
      insert(statement.end, `;${RT}.e(${sid});`);
      return;
    }
    insert(start, `${inList ? '' : '{'}${RT}.b(${sid});try{`);
    visitChildren(statement, sid);
    insert(
      statement.end,
      `}catch(__wt_e){throw ${RT}.x(${sid},__wt_e)}finally{${RT}.e(${sid})}${inList ? '' : '}'}`,
    );
  };

  const visitChildren = (statement: ts.Statement, sid: number): void => {
    if (ts.isBlock(statement)) visitList(statement.statements, sid);
    else if (ts.isIfStatement(statement)) {
      visitBranch(statement.thenStatement, sid);
      const otherwise = statement.elseStatement;
      // An `else if` chain is one step: its branches are children of the first `if`.
      if (otherwise && ts.isIfStatement(otherwise)) visitChildren(otherwise, sid);
      else if (otherwise) visitBranch(otherwise, sid);
    } else if (ts.isIterationStatement(statement, false)) visitBranch(statement.statement, sid);
    else if (ts.isTryStatement(statement)) {
      visitList(statement.tryBlock.statements, sid);
      const clause = statement.catchClause;
      if (clause) {
        const blockStart = clause.block.getStart(sf) + 1;
        const binding = clause.variableDeclaration?.name;
        if (!binding) {
          insert(clause.getStart(sf) + 'catch'.length, '(__wt_e)');
          insert(blockStart, `${RT}.c(${sid},__wt_e);`);
        } else if (ts.isIdentifier(binding)) insert(blockStart, `${RT}.c(${sid},${binding.text});`);
        else insert(blockStart, `${RT}.c(${sid});`);
        visitList(clause.block.statements, sid);
      }
      if (statement.finallyBlock) visitList(statement.finallyBlock.statements, sid);
    } else if (ts.isSwitchStatement(statement)) {
      for (const clause of statement.caseBlock.clauses) visitList(clause.statements, sid);
    } else if (ts.isLabeledStatement(statement)) visitChildren(statement.statement, sid);
  };

  visitList(handler.body.statements, 0, true);
  insert(handler.end, ');');
  insert(code.length, '\n;return __wt_f})');
  return { edited: new EditedText(stripped, edits), statements };
}

function isNotExecuted(statement: ts.Statement): boolean {
  return (
    ts.isEmptyStatement(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    (ts.canHaveModifiers(statement) &&
      !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
  );
}

function isLexicalDeclaration(statement: ts.Statement): boolean {
  if (ts.isClassDeclaration(statement)) return true;
  return (
    ts.isVariableStatement(statement) &&
    (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0
  );
}
