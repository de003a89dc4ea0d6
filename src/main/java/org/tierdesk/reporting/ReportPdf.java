package org.tierdesk.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Periodic reports as PDF (OpenPDF): a title page header per report, each table with its header row repeated on every
 * page, landscape A4. Cell text is written as text — nothing in a ticket is ever interpreted as markup.
 */
final class ReportPdf {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

	private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

	private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7, Color.WHITE);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 7);

	private static final Font NOTE = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 7, Color.DARK_GRAY);

	private static final Color HEAD_BG = new Color(0x1c, 0x3d, 0x5a);

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

	private ReportPdf() {
	}

	static byte[] write(List<PeriodicReports.Report> reports) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
		PdfWriter.getInstance(document, out);
		document.addTitle(reports.isEmpty() ? "Tierdesk reports" : reports.get(0).programName() + " reports");
		document.addCreator("Tierdesk");
		document.open();
		boolean first = true;
		for (PeriodicReports.Report r : reports) {
			if (!first) {
				document.newPage();
			}
			first = false;
			document.add(new Paragraph(r.title() + " — " + r.programName(), TITLE));
			document.add(new Paragraph("From " + r.from() + " to " + r.to().minusDays(1) + " (" + r.zone() + "), "
					+ "generated " + GENERATED.format(r.generatedAt().atZone(r.zone())), NOTE));
			for (PeriodicReports.Table t : r.tables()) {
				Paragraph heading = new Paragraph(t.title(), SUBTITLE);
				heading.setSpacingBefore(10);
				heading.setSpacingAfter(4);
				document.add(heading);
				document.add(table(t));
				if (t.note() != null) {
					document.add(new Paragraph(t.note(), NOTE));
				}
			}
		}
		if (reports.isEmpty()) {
			document.add(new Paragraph("No reports.", BODY));
		}
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable table(PeriodicReports.Table t) {
		PdfPTable table = new PdfPTable(Math.max(1, t.columns().size()));
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String c : t.columns()) {
			PdfPCell cell = new PdfPCell(new Phrase(c, HEAD));
			cell.setBackgroundColor(HEAD_BG);
			cell.setPadding(3);
			table.addCell(cell);
		}
		if (t.rows().isEmpty()) {
			PdfPCell none = new PdfPCell(new Phrase("nothing in this period", NOTE));
			none.setColspan(Math.max(1, t.columns().size()));
			none.setHorizontalAlignment(Element.ALIGN_CENTER);
			table.addCell(none);
			return table;
		}
		for (List<Object> row : t.rows()) {
			for (int i = 0; i < t.columns().size(); i++) {
				Object v = i < row.size() ? row.get(i) : "";
				PdfPCell cell = new PdfPCell(new Phrase(new Chunk(String.valueOf(v), BODY)));
				cell.setPadding(2);
				if (v instanceof Number) {
					cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				}
				table.addCell(cell);
			}
		}
		return table;
	}
}
