/**
 * Marked test text, the way yaml-language-server and vscode-markdown-languageservice write their
 * tests: `|` marks the cursor and `[[…]]` marks expected ranges; markers are removed from the text.
 * Mapping rows never contain `|` or `[[`, so the markers cannot clash with real content.
 */
import { Position, Range } from 'vscode-languageserver-types';

export interface MarkedText {
  text: string;
  cursor: Position | undefined;
  ranges: Range[];
}

export function marked(source: string): MarkedText {
  let text = '';
  let line = 0;
  let character = 0;
  let cursor: Position | undefined;
  const ranges: Range[] = [];
  const open: Position[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '|') {
      cursor = { line, character };
      continue;
    }
    if (c === '[' && source[i + 1] === '[') {
      open.push({ line, character });
      i++;
      continue;
    }
    if (c === ']' && source[i + 1] === ']') {
      const start = open.pop();
      if (!start) throw new Error(`unbalanced ]] at ${line}:${character}`);
      ranges.push({ start, end: { line, character } });
      i++;
      continue;
    }
    text += c;
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) {
      line++;
      character = 0;
    } else if (c !== '\r') {
      character++;
    }
  }
  if (open.length) throw new Error('unbalanced [[');
  return { text, cursor, ranges };
}

/** A 15-field row from the columns given, the rest empty. */
export function row(columns: Record<number, string>): string {
  const cells = new Array<string>(15).fill('');
  for (const [k, v] of Object.entries(columns)) cells[Number(k)] = v;
  return cells.join(',');
}

export const FACTORY_HEAD = '@file,1,Test Device\n#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment\n';
export const EXPORT_HEAD = '@file,1,Test Device\n';
