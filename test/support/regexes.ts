/**
 * Every regular expression of the checking core, found in its source (so a rule added tomorrow is covered), and
 * inputs to try each one on for catastrophic backtracking.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const CORE_DIR = join(__dirname, '..', '..', 'server', 'src', 'core');

export interface FoundRegex {
  /** File and line, for messages. */
  where: string;
  regex?: RegExp;
  /** Why the regex could not be rebuilt from the source (a `new RegExp` of something computed at run time). */
  unresolved?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The string a constant expression of the file stands for, where it can be worked out without running the file. */
function evaluate(node: ts.Node, file: ts.SourceFile, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return evaluate(node.expression, file, depth + 1);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = evaluate(span.expression, file, depth + 1);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(node.left, file, depth + 1);
    const right = evaluate(node.right, file, depth + 1);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
    const target = ts.isIdentifier(node.expression) ? declaration(node.expression.text, file) : node.expression;
    if (target && ts.isRegularExpressionLiteral(target)) return literal(target.text).source;
    return undefined;
  }
  if (ts.isIdentifier(node)) {
    const init = declaration(node.text, file);
    return init ? evaluate(init, file, depth + 1) : undefined;
  }
  return undefined;
}

function declaration(name: string, file: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer)
      found = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function literal(text: string): RegExp {
  const end = text.lastIndexOf('/');
  return new RegExp(text.slice(1, end), text.slice(end + 1));
}

export function coreRegexes(): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const path of sourceFiles(CORE_DIR)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(CORE_DIR, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        found.push({ where: where(node), regex: literal(node.text) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const source = pattern && evaluate(pattern, file);
        const flagText = flags ? evaluate(flags, file) : '';
        if (source !== undefined && flagText !== undefined) found.push({ where: where(node), regex: new RegExp(source, flagText) });
        else found.push({ where: where(node), unresolved: node.getText().slice(0, 80) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** The characters a pattern names (literals, class members, escapes' typical matches), to build inputs from. */
function alphabet(regex: RegExp): string[] {
  const chars = new Set<string>([' ', '\t', 'a', '1', '年', '|', '\n']);
  const source = regex.source.replace(/\\u\{?([0-9a-fA-F]{4,5})\}?/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      const escapes: Record<string, string> = { s: ' ', d: '7', w: 'x', n: '\n', t: '\t', r: '\r', b: '' };
      const char = e in escapes ? escapes[e] : e;
      if (char) chars.add(char);
    } else if (!'^$()[]{}?*+|.:=!<>,'.includes(c) || c === '|' || c === '.' || c === ':' || c === '<' || c === '>' || c === ',') {
      chars.add(c);
    }
  }
  return [...chars].filter((c) => c.length === 1 || c.length === 2);
}

/** Inputs of size about n: one character repeated, two alternating, a repeated fragment of the pattern, each with a failing end. */
export function adversarialInputs(regex: RegExp): ((n: number) => string)[] {
  const chars = alphabet(regex).slice(0, 24);
  const out: ((n: number) => string)[] = [];
  for (const a of chars) {
    out.push((n) => `${a.repeat(n)}\u0000`);
    out.push((n) => `${a.repeat(n)}${a === '-' ? '|' : '-'}x`);
    for (const b of chars) if (a < b) out.push((n) => `${(a + b).repeat(n >> 1)}\u0000`);
  }
  // Literal runs of the pattern itself (`<!-- govreport-disable`, `第二十条第(`), repeated without their ending.
  for (const run of regex.source.replace(/\\[sSdDwWbB]|\[[^\]]*\]|[()?*+{}^$|]/g, '\u0001').split('\u0001')) {
    const plain = run.replace(/\\(.)/g, '$1');
    if (plain.length >= 2) out.push((n) => plain.repeat(Math.max(1, Math.floor(n / plain.length))));
  }
  // Prefixes of the pattern's literal skeleton (`<!--govreport-disable-next-li`), repeated: partial matches that fail late.
  const skeleton = regex.source.replace(/\\[sSdDwWbB]|\[[^\]]*\]|\{\d*,?\d*\}|[()?*+^$]|\?[:=!<]/g, '').replace(/\\(.)/g, '$1');
  for (const k of [skeleton.length / 3, skeleton.length / 2, skeleton.length - 1].map(Math.ceil)) {
    const prefix = skeleton.slice(0, k);
    if (prefix.length >= 2) out.push((n) => prefix.repeat(Math.max(1, Math.floor(n / prefix.length))));
  }
  return out;
}

/** Runs a regex the way the core does: every match for a global one, one test otherwise. */
export function exercise(regex: RegExp, input: string): void {
  if (regex.global) for (const _ of input.matchAll(regex)) void _;
  else {
    regex.lastIndex = 0;
    regex.test(input);
  }
}
