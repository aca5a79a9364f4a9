import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker?worker';

/**
 * Monaco is bundled from the local package: no CDN, so the IDE works offline and the version is
 * the one in package.json. Vite builds the two workers the editor needs for TypeScript.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

const ts = monaco.typescript;

ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  lib: ['es2022'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  // `export default async function (event, app)` without annotations is valid handler code.
  noImplicitAny: false,
  allowNonTsExtensions: true,
  isolatedModules: true,
});
ts.typescriptDefaults.setEagerModelSync(true);

const TYPINGS_PATH = 'file:///whenthen/app.d.ts';
let typings: { dispose(): void } | null = null;
let lastText = '';

/** Replaces the ambient typings of `app` and the payloads (see app-typings.ts). */
export function setAppTypings(text: string): void {
  if (text === lastText) return;
  lastText = text;
  typings?.dispose();
  typings = ts.typescriptDefaults.addExtraLib(text, TYPINGS_PATH);
}

export { monaco };
