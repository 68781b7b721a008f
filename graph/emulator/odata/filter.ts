/**
 * The OData `$filter` grammar the emulator understands: a tokenizer and a recursive-descent
 * parser producing a small syntax tree. It knows nothing of lists or SQL; `items-query.ts`
 * resolves the property paths against a list's columns and compiles the tree to SQL.
 *
 *   expression := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | primary
 *   primary    := "(" expression ")" | call [cmp-op operand] | operand cmp-op operand
 *   call       := name "(" operand ("," operand)* ")"
 *   operand    := property path (fields/Title, id) | literal
 *
 * String literals are single-quoted with `''` standing for one quote (OData ABNF), so
 * `'Women''s Affairs'` is the text "Women's Affairs".
 */

export type ComparisonOperator = "eq" | "ne" | "lt" | "gt" | "le" | "ge";

export type Literal =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "null" }
  /** An unquoted date-time literal (`2025-03-01T00:00:00Z`) or the legacy `datetime'…'` form. */
  | { type: "datetime"; value: string };

export type Operand = { type: "property"; path: string[] } | { type: "literal"; literal: Literal };

export type FilterNode =
  | { type: "and" | "or"; left: FilterNode; right: FilterNode }
  | { type: "not"; operand: FilterNode }
  | { type: "compare"; op: ComparisonOperator; left: Operand; right: Operand }
  /** A boolean function such as `startswith(fields/Title,'ba')`; `expected` is false for `… eq false`. */
  | { type: "call"; name: string; args: Operand[]; expected: boolean };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

type Token =
  | { kind: "name"; text: string; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "number"; value: number; position: number }
  | { kind: "datetime"; value: string; position: number }
  | { kind: "punct"; text: "(" | ")" | ","; position: number }
  | { kind: "end"; position: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_$@][A-Za-z0-9_$@.]*(\/[A-Za-z_$@][A-Za-z0-9_$@.]*)*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (char === " " || char === "\t" || char === "\n" || char === "\r") {
      i++;
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: "punct", text: char, position: i });
      i++;
      continue;
    }
    if (char === "'") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError("Unterminated string literal.", start);
        const c = input[i]!;
        if (c === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ kind: "string", value, position: start });
      continue;
    }
    const rest = input.slice(i);
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ kind: "datetime", value: datetime[0], position: i });
      i += datetime[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]), position: i });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      // The legacy typed literal datetime'2025-01-01T00:00:00Z'.
      if (name[0].toLowerCase() === "datetime" && input[i + name[0].length] === "'") {
        const close = input.indexOf("'", i + name[0].length + 1);
        if (close === -1) throw new FilterSyntaxError("Unterminated datetime literal.", i);
        tokens.push({ kind: "datetime", value: input.slice(i + name[0].length + 1, close), position: i });
        i = close + 1;
        continue;
      }
      tokens.push({ kind: "name", text: name[0], position: i });
      i += name[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Unexpected character '${char}'.`, i);
  }
  tokens.push({ kind: "end", position: input.length });
  return tokens;
}

const COMPARISONS = new Set<string>(["eq", "ne", "lt", "gt", "le", "ge"]);

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    const next = this.peek();
    if (next.kind !== "end") throw new FilterSyntaxError(`Unexpected '${describe(next)}'.`, next.position);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index++;
    return token;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === "name" && token.text.toLowerCase() === word;
  }

  private expectPunct(text: "(" | ")" | ","): void {
    const token = this.next();
    if (token.kind !== "punct" || token.text !== text) {
      throw new FilterSyntaxError(`Expected '${text}' but found '${describe(token)}'.`, token.position);
    }
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isKeyword(this.peek(), "or")) {
      this.next();
      left = { type: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isKeyword(this.peek(), "and")) {
      this.next();
      left = { type: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isKeyword(this.peek(), "not")) {
      this.next();
      return { type: "not", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const token = this.peek();
    if (token.kind === "punct" && token.text === "(") {
      this.next();
      const inner = this.or();
      this.expectPunct(")");
      return inner;
    }
    if (token.kind === "name" && this.peek(1).kind === "punct" && (this.peek(1) as { text: string }).text === "(") {
      return this.call();
    }
    const left = this.operand();
    const op = this.next();
    if (op.kind !== "name" || !COMPARISONS.has(op.text.toLowerCase())) {
      throw new FilterSyntaxError(`Expected a comparison operator but found '${describe(op)}'.`, op.position);
    }
    const right = this.operand();
    return { type: "compare", op: op.text.toLowerCase() as ComparisonOperator, left, right };
  }

  private call(): FilterNode {
    const nameToken = this.next() as Extract<Token, { kind: "name" }>;
    this.expectPunct("(");
    const args: Operand[] = [this.operand()];
    while (this.peek().kind === "punct" && (this.peek() as { text: string }).text === ",") {
      this.next();
      args.push(this.operand());
    }
    this.expectPunct(")");
    let expected = true;
    const after = this.peek();
    if (after.kind === "name" && (after.text.toLowerCase() === "eq" || after.text.toLowerCase() === "ne")) {
      this.next();
      const value = this.operand();
      if (value.type !== "literal" || value.literal.type !== "boolean") {
        throw new FilterSyntaxError("A function call can only be compared with true or false.", after.position);
      }
      expected = after.text.toLowerCase() === "eq" ? value.literal.value : !value.literal.value;
    }
    return { type: "call", name: nameToken.text.toLowerCase(), args, expected };
  }

  private operand(): Operand {
    const token = this.next();
    switch (token.kind) {
      case "string":
        return { type: "literal", literal: { type: "string", value: token.value } };
      case "number":
        return { type: "literal", literal: { type: "number", value: token.value } };
      case "datetime":
        return { type: "literal", literal: { type: "datetime", value: token.value } };
      case "name": {
        const lower = token.text.toLowerCase();
        if (lower === "true" || lower === "false") return { type: "literal", literal: { type: "boolean", value: lower === "true" } };
        if (lower === "null") return { type: "literal", literal: { type: "null" } };
        return { type: "property", path: token.text.split("/") };
      }
      default:
        throw new FilterSyntaxError(`Expected a property or a value but found '${describe(token)}'.`, token.position);
    }
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "name":
    case "punct":
      return token.text;
    case "string":
      return `'${token.value}'`;
    case "number":
      return String(token.value);
    case "datetime":
      return token.value;
    case "end":
      return "end of expression";
  }
}

export function parseFilter(input: string): FilterNode {
  if (input.trim() === "") throw new FilterSyntaxError("The filter is empty.", 0);
  return new Parser(tokenize(input)).parse();
}

/** Every property path the tree refers to, in order of appearance. */
export function referencedProperties(node: FilterNode): string[][] {
  const out: string[][] = [];
  const visitOperand = (operand: Operand) => {
    if (operand.type === "property") out.push(operand.path);
  };
  const visit = (n: FilterNode): void => {
    switch (n.type) {
      case "and":
      case "or":
        visit(n.left);
        visit(n.right);
        return;
      case "not":
        visit(n.operand);
        return;
      case "compare":
        visitOperand(n.left);
        visitOperand(n.right);
        return;
      case "call":
        n.args.forEach(visitOperand);
        return;
    }
  };
  visit(node);
  return out;
}

/** The top-level conjuncts of `a and b and (c or d)`: [a, b, (c or d)]. */
export function conjuncts(node: FilterNode): FilterNode[] {
  if (node.type === "and") return [...conjuncts(node.left), ...conjuncts(node.right)];
  return [node];
}
