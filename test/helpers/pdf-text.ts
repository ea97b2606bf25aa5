// Reads back the text of a PDF made with pdfkit, for assertions on exports: page by page in drawing
// order, following forms (XObjects), decoding embedded fonts through their ToUnicode maps (and
// standard fonts as Latin-1).
import { inflateSync } from 'node:zlib';

export type PdfTextItem = {
  /** 1-based */
  page: number;
  /** PDF coordinates of the text's start: x from the left, y (the baseline) from the bottom */
  x: number;
  y: number;
  size: number;
  text: string;
};

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const start of raw.matchAll(/(?:^|\n)(\d+) 0 obj\n?/g)) {
    const from = start.index + start[0].length;
    const streamAt = raw.indexOf('stream\n', from);
    const endAt = raw.indexOf('endobj', from);
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = raw.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let stream = Buffer.from(raw.slice(streamAt + 7, streamAt + 7 + length), 'latin1');
      if (dict.includes('/FlateDecode')) stream = inflateSync(stream);
      found.set(Number(start[1]), { dict, stream });
      continue;
    }
    found.set(Number(start[1]), { dict: raw.slice(from, endAt), stream: null });
  }
  return found;
}

const refIn = (dict: string, key: string) => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : null;
};
/** `/Font << /F1 5 0 R /F2 9 0 R >>` → { F1: 5, F2: 9 } */
const namedRefs = (dict: string, key: string) => {
  const inner = new RegExp(`/${key}\\s*<<([^>]*)>>`).exec(dict)?.[1] ?? '';
  return Object.fromEntries([...inner.matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1] ?? '', Number(m[2])]));
};

/** The code → text map of a ToUnicode CMap (bfrange with arrays or a start value, and bfchar). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) =>
    String.fromCharCode(
      ...hex
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((h) => (h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16))),
    );
  for (const range of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f ]+>)/gi)) {
    const first = parseInt(range[1] ?? '0', 16);
    const last = parseInt(range[2] ?? '0', 16);
    const target = range[3] ?? '';
    if (target.startsWith('[')) [...target.matchAll(/<([0-9a-f ]*)>/gi)].forEach((m, i) => map.set(first + i, text(m[1] ?? '')));
    else
      for (let code = first, base = parseInt(target.slice(1, -1), 16); code <= last; code += 1)
        map.set(code, String.fromCharCode(base + code - first));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f ]+)>/gi))
      map.set(parseInt(pair[1] ?? '0', 16), text(pair[2] ?? ''));
  }
  return map;
}

/** Every text drawing of the PDF, page by page in the order drawn. */
export function pdfTextItems(pdf: Buffer): PdfTextItem[] {
  const all = objects(pdf);
  const decoders = new Map<number, (hex: string) => string>();
  const decoderOf = (fontId: number | undefined) => {
    if (fontId === undefined) return (hex: string) => Buffer.from(hex, 'hex').toString('latin1');
    let decode = decoders.get(fontId);
    if (!decode) {
      const cmapId = refIn(all.get(fontId)?.dict ?? '', 'ToUnicode');
      const cmap = cmapId !== null ? toUnicode(all.get(cmapId)?.stream?.toString('latin1') ?? '') : null;
      decode = cmap
        ? (hex) => (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(parseInt(code, 16)) ?? '\ufffd').join('')
        : (hex) => Buffer.from(hex, 'hex').toString('latin1');
      decoders.set(fontId, decode);
    }
    return decode;
  };
  const items: PdfTextItem[] = [];
  const run = (content: string, resources: string, page: number) => {
    const fonts = namedRefs(resources, 'Font');
    const forms = namedRefs(resources, 'XObject');
    let font: number | undefined;
    let size = 0;
    let x = 0;
    let y = 0;
    for (const op of content.matchAll(/\/(\S+) ([\d.]+) Tf|(-?[\d.]+) (-?[\d.]+) Tm|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|\/(\S+) Do/g)) {
      if (op[1] !== undefined) {
        font = fonts[op[1]];
        size = Number(op[2]);
      } else if (op[3] !== undefined) {
        x = Number(op[3]);
        y = Number(op[4]);
      } else if (op[5] !== undefined) {
        const decode = decoderOf(font);
        items.push({ page, x, y, size, text: [...op[5].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1] ?? '')).join('') });
      } else if (op[6] !== undefined) {
        const form = all.get(forms[op[6]] ?? -1);
        if (form?.stream) run(form.stream.toString('latin1'), resourcesOf(form.dict), page);
      }
    }
  };
  const resourcesOf = (dict: string) => {
    const id = refIn(dict, 'Resources');
    return id !== null ? (all.get(id)?.dict ?? '') : (/\/Resources\s*(<<[\s\S]*>>)/.exec(dict)?.[1] ?? '');
  };
  const pagesId = [...all.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const kids = /\/Kids \[([^\]]*)\]/.exec(all.get(refIn(pagesId?.dict ?? '', 'Pages') ?? -1)?.dict ?? '')?.[1] ?? '';
  [...kids.matchAll(/(\d+) 0 R/g)].forEach((kid, i) => {
    const page = all.get(Number(kid[1]))?.dict ?? '';
    const content = all.get(refIn(page, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    run(content, resourcesOf(page), i + 1);
  });
  return items;
}

/** The text of each TJ operation, one per line, in drawing order. */
export function pdfText(pdf: Buffer): string {
  return pdfTextItems(pdf)
    .map((item) => item.text)
    .join('\n');
}
