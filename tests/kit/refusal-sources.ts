import fs from 'fs';
import path from 'path';

/**
 * The refusal calls of the server sources, read as text (multi-line aware): what the refusal
 * tests check. Not a parser: enough of one for how this code base writes its refusals.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DIRS = [
  ...fs
    .readdirSync(path.join(ROOT, 'src/plugins'))
    .map((id) => `src/plugins/${id}/server/src`)
    .filter((d) => fs.existsSync(path.join(ROOT, d))),
  'src/packages/kit/server',
  'src/api',
  'src/home',
  'src/bootstrap',
  'src/middlewares',
];

export const KINDS = ['invalid', 'conflict', 'forbidden', 'mismatch', 'notFound', 'unauthorized'] as const;
type Kind = (typeof KINDS)[number];

export interface RefusalCall {
  file: string;
  line: number;
  kind: Kind;
  /** The source of each argument, trimmed. */
  args: string[];
  text: string;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : walk(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

export const sourceFiles = (): string[] => DIRS.flatMap((d) => walk(path.join(ROOT, d)));

/** Blanks comments (keeping offsets and newlines) so that a refusal named in a comment is not a call. */
function blankComments(src: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
      i += 1;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i += 1;
      }
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        out += src[i] === '\n' ? '\n' : ' ';
        i += 1;
      }
      out += '  ';
      i += 2;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** From the `(` at `open`: the arguments up to the matching `)`, split at top-level commas. */
function readArgs(src: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  const stack: string[] = [];
  for (let i = open; i < src.length; i += 1) {
    const c = src[i];
    const top = stack[stack.length - 1];
    if (top === "'" || top === '"' || top === '`') {
      if (c === '\\') {
        i += 1;
        continue;
      }
      if (c === top) stack.pop();
      else if (top === '`' && c === '$' && src[i + 1] === '{') {
        stack.push('${');
        depth += 1;
        i += 1;
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') stack.push(c);
    else if (c === '(' || c === '[' || c === '{') {
      stack.push(c);
      depth += 1;
    } else if (c === ')' || c === ']' || c === '}') {
      stack.pop();
      depth -= 1;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return { args: args.filter((a) => a !== ''), end: i };
      }
    } else if (c === ',' && depth === 1 && stack.length === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

/** Every call of a kit refusal (and Koa's ctx.notFound & co.) in the server sources. */
export function refusalCalls(): RefusalCall[] {
  const out: RefusalCall[] = [];
  const pattern = new RegExp(`(?<![\\w$])(${KINDS.join('|')})\\s*\\(`, 'g');
  for (const file of sourceFiles()) {
    const src = blankComments(fs.readFileSync(file, 'utf8'));
    for (const m of src.matchAll(pattern)) {
      const before = src.slice(Math.max(0, m.index - 30), m.index);
      // definitions and signatures, not calls
      if (/(function|const|async)\s+$/.test(before)) continue;
      const open = m.index + m[0].length - 1;
      const read = readArgs(src, open);
      if (!read) continue;
      // a method signature (`notFound(message: string): void`), not a call
      if (read.args.length && read.args.every((a) => /^[\w$]+\??:\s*[\w<>[\]|. ]+$/.test(a))) continue;
      out.push({
        file: path.relative(ROOT, file),
        line: src.slice(0, m.index).split('\n').length,
        kind: m[1] as Kind,
        args: read.args,
        text: src.slice(m.index, read.end + 1),
      });
    }
  }
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

/** The string literals at the top level of an expression (a template with its `${}` is one literal). */
export function literals(expr: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < expr.length; i += 1) {
    const c = expr[i];
    if (c !== "'" && c !== '"' && c !== '`') continue;
    let j = i + 1;
    let depth = 0;
    for (; j < expr.length; j += 1) {
      if (expr[j] === '\\') {
        j += 1;
        continue;
      }
      if (c === '`' && expr[j] === '$' && expr[j + 1] === '{') {
        depth += 1;
        j += 1;
        continue;
      }
      if (c === '`' && depth > 0) {
        if (expr[j] === '}') depth -= 1;
        continue;
      }
      if (expr[j] === c) break;
    }
    out.push(expr.slice(i, j + 1));
    i = j;
  }
  return out;
}

const constants = new Map<string, string>();
/** The source of `const NAME = …` anywhere in the scanned files (NOT_LINKED is imported elsewhere). */
function constantSource(name: string): string | undefined {
  if (!constants.size) {
    for (const file of sourceFiles()) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/const ([A-Z][A-Z0-9_]+)\b[^=]*=\s*/g)) {
        const rest = src.slice(m.index + m[0].length);
        const end = rest.search(/;\s*\n/);
        constants.set(m[1], rest.slice(0, end < 0 ? undefined : end));
      }
    }
  }
  return constants.get(name);
}

/** The arguments that carry the message of a refusal of this kind. */
export function messageArgs(call: RefusalCall): string[] {
  switch (call.kind) {
    case 'invalid':
    case 'conflict':
    case 'mismatch':
      return call.args.slice(1);
    case 'notFound':
      // the kit's notFound(what, 中文); Koa's ctx.notFound(message)
      return call.args.length > 1 ? call.args.slice(1) : call.args;
    default:
      return call.args.slice(0, 1);
  }
}

/**
 * Why a refusal reads in English only, or undefined when it carries Chinese: every literal of its
 * message (both sides of a conditional) and every constant it names.
 */
export function englishOnly(call: RefusalCall): string | undefined {
  const args = messageArgs(call);
  if (!args.length) return 'no message';
  for (const raw of args) {
    // operands of a comparison (`type === 'date' ? … : …`) are not messages
    const arg = raw.replace(/[!=]==?\s*(['"`])(?:\\.|(?!\1).)*\1/g, '');
    const lits = literals(arg);
    const names = [...arg.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '').matchAll(/\b([A-Z][A-Z0-9_]{2,})\b/g)].map(
      (m) => m[1],
    );
    for (const lit of lits) {
      if (CJK.test(lit)) continue;
      const inner = [...lit.matchAll(/\b([A-Z][A-Z0-9_]{2,})\b/g)].map((m) => m[1]);
      if (inner.some((n) => CJK.test(constantSource(n) ?? ''))) continue;
      return `literal ${lit} has no Chinese`;
    }
    for (const name of names) {
      const source = constantSource(name);
      if (source !== undefined && !CJK.test(source)) return `${name} has no Chinese`;
    }
    if (!lits.length && !names.some((n) => constantSource(n) !== undefined) && call.kind !== 'notFound')
      return `message ${arg} is not a literal`;
  }
  return undefined;
}

/**
 * The literal field names of the refusals: the first argument of invalid/conflict/mismatch, the
 * field argument or message prefix of forbidden, the thing of notFound. A template field
 * (`decisions.${i}.votes`) reads with index 0.
 */
export function literalFields(call: RefusalCall): string[] {
  const first = (arg: string | undefined): string | undefined => {
    if (!arg) return undefined;
    const m = /^(['"`])([^'"`]*)\1$/.exec(arg);
    if (!m) return undefined;
    return m[2].replace(/\$\{[^}]*\}/g, '0');
  };
  const prefix = (arg: string | undefined): string | undefined => {
    const lit = arg ? literals(arg)[0] : undefined;
    const m = lit ? /^['"`]([A-Za-z][\w.-]*): /.exec(lit) : null;
    return m?.[1];
  };
  switch (call.kind) {
    case 'invalid':
    case 'conflict':
    case 'mismatch':
      return [first(call.args[0])].filter((f): f is string => !!f);
    case 'forbidden':
      return [first(call.args[1]), prefix(call.args[0])].filter((f): f is string => !!f);
    case 'notFound':
      return call.args.length > 1 ? [first(call.args[0])].filter((f): f is string => !!f) : [];
    default:
      return [prefix(call.args[0])].filter((f): f is string => !!f);
  }
}
