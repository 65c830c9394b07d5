import { SemanticTokensLegend } from 'vscode-languageserver-types';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/service/features/semanticTokens';

/** One semantic token with absolute position and names instead of indices. */
export interface DecodedToken {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes the LSP relative `data` array (5 integers a token) back into absolute tokens. */
export function decodeSemanticTokens(data: readonly number[], legend: SemanticTokensLegend = SEMANTIC_TOKENS_LEGEND): DecodedToken[] {
  if (data.length % 5 !== 0) throw new Error(`data length ${data.length} is not a multiple of 5`);
  const tokens: DecodedToken[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const type = legend.tokenTypes[data[i + 3]];
    if (type === undefined) throw new Error(`token type index ${data[i + 3]} is not in the legend`);
    if (data[i + 4] >> legend.tokenModifiers.length !== 0) throw new Error(`modifier bits ${data[i + 4]} are not in the legend`);
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    tokens.push({ line, start, length: data[i + 2], type, modifiers });
  }
  return tokens;
}
