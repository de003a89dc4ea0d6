package org.tierdesk.reporting;

import java.util.List;
import java.util.Locale;

import org.tierdesk.system.InvalidFieldException;

/** How a report file is written: a PDF to read and print, or CSV for a spreadsheet. */
public enum ReportFormat {
	PDF("application/pdf", "pdf"), CSV("text/csv;charset=UTF-8", "csv");

	public final String contentType;

	public final String extension;

	ReportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public static ReportFormat parse(String value) {
		try {
			return valueOf((value == null || value.isBlank() ? "PDF" : value).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("format", "no format " + value + "; PDF or CSV");
		}
	}

	byte[] write(List<PeriodicReports.Report> reports) {
		return this == PDF ? ReportPdf.write(reports)
				: ReportCsv.reports(reports).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}
}
