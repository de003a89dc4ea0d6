package org.tierdesk.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reports as CSV for spreadsheets. A cell a spreadsheet would take for a formula — starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return — gets a leading apostrophe, so a category or site named
 * {@code =HYPERLINK(...)} is shown as text, never run.
 */
public final class ReportCsv {

	private ReportCsv() {
	}

	/** The cell as a spreadsheet may safely open it. */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			return "'" + text;
		}
		return text;
	}

	public static String metrics(Metrics.Report report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord("period", "slice", "opened", "resolved", "closed", "backlog", "first_contact_resolution",
					"tier1_resolution", "escalation_rate", "ping_pongs", "reopen_rate", "acceptance_rate",
					"first_response_median_min", "first_response_p90_min", "resolution_median_min", "resolution_p90_min",
					"tier1_median_min", "tier2_median_min", "tier3_median_min", "tier4_median_min",
					"swarm_resolution_median_min", "tiered_resolution_median_min", "sla_attainment", "sla_breaches",
					"ola_attainment", "ola_breaches", "satisfaction", "satisfaction_answers", "reached_tier2",
					"reached_tier3", "reached_tier4");
			for (Metrics.Row r : report.rows()) {
				csv.printRecord(List.of(r.period(), nullable(r.slice()), r.opened(), r.resolved(), r.closed(),
						r.backlog(), nullable(r.firstContactResolution()), nullable(r.tier1Resolution()),
						nullable(r.escalationRate()), r.pingPongs(), nullable(r.reopenRate()),
						nullable(r.acceptanceRate()), nullable(r.firstResponseMedianMinutes()),
						nullable(r.firstResponseP90Minutes()), nullable(r.resolutionMedianMinutes()),
						nullable(r.resolutionP90Minutes()), nullable(r.tierMedianMinutes(1)),
						nullable(r.tierMedianMinutes(2)), nullable(r.tierMedianMinutes(3)),
						nullable(r.tierMedianMinutes(4)), nullable(r.swarmResolutionMedianMinutes()),
						nullable(r.tieredResolutionMedianMinutes()), nullable(r.slaAttainment()), r.slaBreaches(),
						nullable(r.olaAttainment()), r.olaBreaches(), nullable(r.satisfaction()),
						r.satisfactionAnswers(), nullable(r.reachedTier2()), nullable(r.reachedTier3()),
						nullable(r.reachedTier4())).stream().map(ReportCsv::cell).toList());
			}
			if (report.by() == null && !report.desk().isEmpty()) {
				csv.println();
				csv.printRecord("period", "deflected", "article_views", "chats", "chats_answered_in_target", "contacts",
						"handle_time_min", "surveys_offered", "survey_response_rate");
				for (Metrics.DeskRow r : report.desk()) {
					csv.printRecord(List.of(r.period(), r.deflected(), r.articleViews(), r.chats(),
							nullable(r.chatsAnsweredInTarget()), r.contacts(), nullable(r.handleTimeMinutes()),
							r.surveysOffered(), nullable(r.surveyResponseRate())).stream().map(ReportCsv::cell).toList());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** Every chart's data of the dashboard, one section after another, each with its own header row. */
	public static String dashboard(Dashboard.View view) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord("goal", "target", "higher_is_better", "period", "value", "status", "drifting");
			for (Goals.GoalView g : view.goals().goals()) {
				for (Goals.PeriodValue v : g.values()) {
					csv.printRecord(row(g.metric(), g.target(), g.higherIsBetter(), v.period(), nullable(v.value()),
							g.status(), g.drifting()));
				}
			}
			csv.println();
			csv.printRecord("backlog_age", "tickets");
			for (Dashboard.AgeBucket b : view.ageing()) {
				csv.printRecord(row(b.label(), b.tickets()));
			}
			csv.println();
			csv.printRecord("weekday", "hour", "tickets_opened");
			for (int d = 0; d < 7; d++) {
				for (int h = 0; h < 24; h++) {
					csv.printRecord(row(java.time.DayOfWeek.of(d + 1), h, view.arrivals()[d][h]));
				}
			}
			csv.println();
			csv.printRecord("from_tier", "to_tier", "tickets");
			for (TierFlow.Step s : view.tierFlow()) {
				csv.printRecord(row(s.from(), s.to(), s.count()));
			}
			csv.println();
			csv.printRecord("weekday", "hour", "arrivals_per_hour", "agents_required", "to_schedule", "rostered");
			for (StaffingForecast.Hour h : view.staffing().hours()) {
				csv.printRecord(row(h.day(), h.hour(), h.arrivalsPerHour(), h.required(), h.scheduled(), h.roster()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** Periodic reports, one after another: a title line, then each table with its own header row. */
	public static String reports(List<PeriodicReports.Report> reports) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			boolean first = true;
			for (PeriodicReports.Report r : reports) {
				for (PeriodicReports.Table t : r.tables()) {
					if (!first) {
						csv.println();
					}
					first = false;
					csv.printRecord(row(r.title() + " — " + t.title(), r.programName(), "from " + r.from(),
							"to " + r.to().minusDays(1)));
					csv.printRecord(t.columns().stream().map(ReportCsv::cell).toList());
					for (List<Object> cells : t.rows()) {
						csv.printRecord(cells.stream().map(ReportCsv::cell).toList());
					}
					if (t.note() != null) {
						csv.printRecord(row("(" + t.note() + ")"));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** A record with every cell made safe. */
	static List<String> row(Object... cells) {
		return java.util.Arrays.stream(cells).map(ReportCsv::cell).toList();
	}

	private static Object nullable(Object value) {
		return value == null ? "" : value;
	}
}
