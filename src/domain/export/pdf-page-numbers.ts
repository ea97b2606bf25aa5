// "Side 2 / 31" on every page of a PDF that is written page by page: the number of pages is known
// only at the end, and pdfkit's bufferPages would keep every page in memory until then (100 000
// rows are some 2 500 pages). So each page draws a small form (XObject) whose content, the
// footer's text, is written when the document ends: still one page in memory at a time.
/// <reference types="pdfkit" />

type Doc = PDFKit.PDFDocument;
/** What pdfkit's embedded (TrueType) font offers that its types leave out: the resource name and the glyph ids of a text. */
type EmbeddedFont = { id: string; ref(): PDFKit.PDFKitReference; encode(text: string): [string[], unknown[]] };

export type PageNumbers = {
  /** Places the footer of the page just begun. */
  onPage(): void;
  /** Writes every footer, now that the count is known; call it before `doc.end()`. */
  finish(): void;
};

export function pageNumbers(doc: Doc, options: { font: string; size: number; word: string; right: number; baseline: number }): PageNumbers {
  const forms: PDFKit.PDFKitReference[] = [];
  return {
    onPage() {
      const form = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, doc.page.width, doc.page.height] });
      forms.push(form);
      const name = `Pn${forms.length}`;
      (doc.page.xobjects as Record<string, PDFKit.PDFKitReference>)[name] = form;
      // pdfkit draws with the y axis flipped; the form is written in PDF's own (upward) coordinates
      doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm /${name} Do Q`);
    },
    finish() {
      doc.font(options.font).fontSize(options.size);
      const font = (doc as unknown as { _font: EmbeddedFont })._font;
      forms.forEach((form, i) => {
        const text = `${options.word} ${i + 1} / ${forms.length}`;
        const [glyphs] = font.encode(text);
        const x = options.right - doc.widthOfString(text);
        (form.data as Record<string, unknown>).Resources = { Font: { [font.id]: font.ref() } };
        form.end(
          `BT 1 0 0 1 ${x.toFixed(2)} ${options.baseline.toFixed(2)} Tm /${font.id} ${options.size} Tf [<${glyphs.join('')}>] TJ ET`,
        );
      });
    },
  };
}
