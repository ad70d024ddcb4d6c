// The letters with address codes as one PDF, laid out after DIN 5008 form B for a window
// envelope (DL or C5/6): the address field at 20 mm from the left and 45 mm from the top,
// 85 × 45 mm, its first 17.7 mm for the return address; the information block at 125 mm; the
// text from 25 mm, at least 20 mm from the right edge; fold marks at 105 and 210 mm and the
// punch mark at 148.5 mm. Built with pdfkit (docs/trust-and-tax.md says why): its standard
// Helvetica covers German text (WinAnsi), so no font file is shipped.
import PDFDocument from 'pdfkit';

const MM = 72 / 25.4;
const mm = (v: number) => v * MM;

export interface LetterPage {
	/** Return address, one line (Rücksendeangabe). */
	sender: string;
	/** Recipient lines (domain/trust/address-letter.ts addressLines). */
	address: string[];
	/** Label and value pairs of the information block (date, quarter). */
	info: Array<[string, string]>;
	subject: string;
	greeting: string;
	/** Paragraphs before the code. */
	before: string[];
	/** The code as printed, e.g. "ACDE-FGHJ". */
	code: string;
	/** Paragraphs after the code. */
	after: string[];
	closing: string;
}

/** All letters of a batch, one A4 page each, as PDF bytes. */
export function renderLetters(pages: readonly LetterPage[], title: string): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margin: 0,
		autoFirstPage: false,
		info: { Title: title, Creator: 'Quartiermarkt' },
		lang: 'de-DE'
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	for (const page of pages) drawLetter(doc, page);
	doc.end();
	return done;
}

function drawLetter(doc: PDFKit.PDFDocument, page: LetterPage): void {
	doc.addPage({ size: 'A4', margin: 0 });
	// Fold marks (105 mm, 210 mm) and the punch mark (148.5 mm) at the left edge.
	doc.lineWidth(0.5).strokeColor('#000000');
	for (const [y, length] of [
		[105, 5],
		[148.5, 7],
		[210, 5]
	] as const) {
		doc
			.moveTo(mm(3), mm(y))
			.lineTo(mm(3 + length), mm(y))
			.stroke();
	}

	// Return address: the last line of the 17.7 mm "Zusatz- und Vermerkzone".
	doc
		.font('Helvetica')
		.fontSize(7)
		.fillColor('#000000')
		.text(page.sender, mm(20), mm(45 + 17.7 - 4.5), { width: mm(85), lineBreak: false });
	// Recipient: the "Anschriftzone", 27.3 mm high, from 62.7 mm.
	doc.fontSize(10).text(page.address.join('\n'), mm(20), mm(64), {
		width: mm(85),
		height: mm(26),
		lineGap: 1
	});

	// Information block (form B: from 50 mm down, 125 mm from the left).
	let y = mm(50);
	for (const [label, value] of page.info) {
		doc
			.fontSize(8)
			.font('Helvetica')
			.text(label, mm(125), y, { width: mm(75) });
		y += mm(3.6);
		doc.fontSize(10).text(value, mm(125), y, { width: mm(75) });
		y += mm(6);
	}

	// Subject at about 98 mm (form B), then the text, 25 mm to 190 mm.
	const width = mm(165);
	doc.font('Helvetica-Bold').fontSize(11).text(page.subject, mm(25), mm(98.5), { width });
	doc.moveDown(1.5).font('Helvetica').fontSize(11).text(page.greeting, mm(25), doc.y, { width });
	for (const paragraph of page.before) {
		doc.moveDown(0.8).text(paragraph, mm(25), doc.y, { width, lineGap: 2 });
	}
	doc.moveDown(1).font('Courier-Bold').fontSize(22).text(page.code, mm(25), doc.y, {
		width,
		align: 'center',
		characterSpacing: 2
	});
	doc.font('Helvetica').fontSize(11);
	for (const paragraph of page.after) {
		doc.moveDown(0.8).text(paragraph, mm(25), doc.y, { width, lineGap: 2 });
	}
	doc.moveDown(1.2).text(page.closing, mm(25), doc.y, { width });
}
