/** The anchors GitHub gives a Markdown file's headings, for tests that check links into the docs. */

/**
 * GitHub's anchor for a Markdown heading: inline code, emphasis and link targets reduced to their
 * text, lower case, punctuation dropped (letters, digits, `_`, `-` and spaces kept), spaces to hyphens.
 */
export const slug = (heading: string) =>
  heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The text of a Markdown file without its fenced code blocks (their lines left blank, so line numbers hold). */
export function withoutCodeBlocks(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map(line => {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence === undefined) {
        if (!opening) return line;
        fence = opening[1];
        return '';
      }
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length && line.trim() === opening[1]) fence = undefined;
      return '';
    })
    .join('\n');
}

/**
 * Every anchor a link may name in a Markdown file: its ATX headings (`## Title`, outside code
 * blocks) as GitHub slugs them, a repeated heading's later anchors suffixed `-1`, `-2`…, and any
 * `<a id="…">` / `<a name="…">`.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(markdown).split('\n')) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const [, id] of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  }
  return anchors;
}
