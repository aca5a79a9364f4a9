import ts from 'typescript';
import type { Edit } from './position-map.js';

/** What the host knows about one instrumented statement; its index + 1 is the statement id (sid). */
export type StaticStatement = {
  /** sid of the enclosing instrumented statement, 0 at the top of the function body. */
  parent: number;
  line: number;
  endLine: number;
  range: [number, number];
  text: string;
};

/** Name of the per-run step recorder the instrumented code calls (`b`egin, `e`nd, fail, catch). */
export const RT = '__wt';
const TEXT_MAX = 120;

/**
 * Instruments every statement of a function body (nested blocks included) with begin/end calls,
 * appending the edits to `edits` and the statements to `statements` (sids continue from there, so
 * several bodies of one file share one numbering).
 *
 * A statement that may be wrapped becomes `b(sid);try{S}catch(e){throw x(sid,e)}finally{e(sid)}`:
 * the catch records the error at the innermost statement it passed through. let/const/class
 * declarations cannot be wrapped (that would change their scope), so they get `b(sid);S;e(sid);`;
 * when they throw, the host closes them as failed once it sees where execution went on. Catch
 * clauses report the caught error (`c(sid, err)`) so a declaration failing inside `try` gets it too.
 * Only insertions are made, none with a newline, so lines stay the author's and columns map back.
 * Function declarations and nested functions/callbacks are not instrumented.
 */
export function instrumentBody(
  sf: ts.SourceFile,
  body: ts.Block,
  edits: Edit[],
  statements: StaticStatement[],
): void {
  const code = sf.text;
  const insert = (pos: number, text: string) => edits.push({ pos, remove: 0, text });

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

  visitList(body.statements, 0, true);
}

/** Replaces type-only imports (left by type stripping as `import {  } from '...'`) with spaces. */
export function blankStatements(
  sf: ts.SourceFile,
  stripped: string,
  blank: readonly ts.Statement[],
  edits: Edit[],
): void {
  for (const statement of blank) {
    const start = statement.getStart(sf);
    const text = stripped.slice(start, statement.end).replace(/[^\n]/g, ' ');
    edits.push({ pos: start, remove: statement.end - start, text });
  }
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
