// RFC 6350 (vCard) / RFC 5545 (iCalendar) content lines: text escaping and folding at 75 octets.

/**
 * Escapes a text value: backslash, comma and line breaks; semicolons only inside a structured
 * value (N, ORG), where they separate components (RFC 6350 3.4: plain text keeps them as they are).
 */
export const escapeText = (value: string, structured = false) => {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return structured ? escaped.replace(/;/g, '\\;') : escaped;
};

/** Folds a line into pieces of at most 75 octets, never inside a UTF-8 character; CRLF + space between. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // the first piece holds 75 octets, the continuations 74 after their leading space
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}
