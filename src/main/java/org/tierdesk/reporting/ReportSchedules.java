package org.tierdesk.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.identity.Accounts;
import org.tierdesk.intake.Notifications;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Sequences;

/**
 * Reports a program's managers schedule: which reports, daily, weekly or monthly, as PDF or CSV, mailed to a list of
 * addresses. Each run covers the period just ended (yesterday, last Monday to Sunday, last month, in the program's
 * zone) and goes out at 06:00 the next morning. A run is claimed in the database by moving its next run on, in the
 * same transaction that queues the mail, so with any number of instances each period's report reaches each recipient
 * once. The report is read as the manager who scheduled it: if they lose access, the schedule stops sending.
 */
@Service
public class ReportSchedules {

	private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);

	public enum Frequency {
		DAILY, WEEKLY, MONTHLY
	}

	/** What a manager asks for. */
	public record ScheduleForm(String name, List<String> reports, String frequency, String format,
			List<String> recipients) {
	}

	public record Schedule(long id, String program, String name, List<String> reports, Frequency frequency,
			ReportFormat format, List<String> recipients, String owner, Instant nextRunAt, Instant lastRunAt,
			LocalDate lastFrom, LocalDate lastTo) {
	}

	static final LocalTime SEND_AT = LocalTime.of(6, 0);

	static final int MAX_RECIPIENTS = 50;

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Accounts accounts;

	private final PeriodicReports reports;

	private final Notifications notifications;

	private final Sequences sequences;

	private final TransactionTemplate tx;

	private final Clock clock;

	ReportSchedules(JdbcClient jdbc, Programs programs, Accounts accounts, PeriodicReports reports,
			Notifications notifications, Sequences sequences,
			org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.accounts = accounts;
		this.reports = reports;
		this.notifications = notifications;
		this.sequences = sequences;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Transactional
	public Schedule create(DeskPrincipal me, String programKey, ScheduleForm form) {
		Program program = programs.forManagers(me, programKey, "only the program's managers schedule its reports");
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidFieldException("name", "give the schedule a name of at most 200 characters");
		}
		List<PeriodicReports.Kind> kinds = PeriodicReports.kinds(form.reports());
		Frequency frequency = frequency(form.frequency());
		ReportFormat format = ReportFormat.parse(form.format());
		List<String> recipients = recipients(form.recipients());
		if (jdbc.sql("select count(*) from reporting_schedule where program_id = :p and lower(name) = :n")
			.param("p", program.id()).param("n", name.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0) {
			throw new InvalidFieldException("name", "the program already has a schedule named " + name);
		}
		long id = sequences.next("reporting_schedule_seq");
		Instant now = clock.instant();
		jdbc.sql("""
				insert into reporting_schedule (id, program_id, name, kinds, frequency, format, recipients, owner_id,
				  next_run_at, created_at)
				values (:id, :program, :name, :kinds, :frequency, :format, :recipients, :owner, :next, :now)""")
			.param("id", id).param("program", program.id()).param("name", name)
			.param("kinds", String.join(",", kinds.stream().map(Enum::name).toList()))
			.param("frequency", frequency.name()).param("format", format.name())
			.param("recipients", String.join(",", recipients)).param("owner", me.accountId())
			.param("next", DateRange.utc(nextRun(frequency, program.timeZone(), now))).param("now", DateRange.utc(now)).update();
		return byId(id);
	}

	public List<Schedule> list(DeskPrincipal me, String programKey) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff see its report schedules");
		return jdbc.sql(SELECT + " where program_id = :p order by name").param("p", program.id())
			.query((rs, i) -> row(rs)).list();
	}

	@Transactional
	public void delete(DeskPrincipal me, String programKey, long id) {
		Program program = programs.forManagers(me, programKey, "only the program's managers schedule its reports");
		if (jdbc.sql("delete from reporting_schedule where id = :id and program_id = :p").param("id", id)
			.param("p", program.id()).update() == 0) {
			throw new NotFoundException("no report schedule " + id + " in " + program.key());
		}
	}

	/** Sends every schedule whose time has come; answers how many went out. */
	@Scheduled(fixedDelayString = "${tierdesk.reports.schedule-sweep:60s}", initialDelayString = "PT30S")
	public int sweep() {
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("select id from reporting_schedule where next_run_at <= :now order by next_run_at")
			.param("now", DateRange.utc(now)).query(Long.class).list();
		int sent = 0;
		for (Long id : due) {
			try {
				Boolean done = tx.execute(s -> send(id, now));
				sent += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Scheduled report {} not sent; it is tried again at the next sweep", id, e);
			}
		}
		return sent;
	}

	private boolean send(long id, Instant now) {
		Schedule s = byId(id);
		long[] programAndOwner = jdbc.sql("select program_id, owner_id from reporting_schedule where id = :id")
			.param("id", id).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		Program program = programs.byId(programAndOwner[0]);
		LocalDate[] period = lastPeriod(s.frequency(), program.timeZone(), s.nextRunAt());
		Instant next = nextRun(s.frequency(), program.timeZone(), now);
		// the claim: only the instance that moves next_run_at on from the value it read sends this period
		int claimed = jdbc.sql("""
				update reporting_schedule set next_run_at = :next, last_run_at = :now, last_from = :from, last_to = :to
				where id = :id and next_run_at = :due""")
			.param("next", DateRange.utc(next)).param("now", DateRange.utc(now)).param("from", period[0]).param("to", period[1])
			.param("id", id).param("due", DateRange.utc(s.nextRunAt())).update();
		if (claimed == 0) {
			return false;
		}
		DeskPrincipal owner = accounts.byId(programAndOwner[1]).principal();
		List<PeriodicReports.Report> made = reports.run(owner, program.key(),
				s.reports().stream().map(PeriodicReports.Kind::valueOf).toList(), period[0], period[1], n -> {
				});
		byte[] file = s.format().write(made);
		String fileName = program.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "") + "-"
				+ s.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + period[0] + "."
				+ s.format().extension;
		String subject = "[" + program.key() + "] " + s.name() + ": " + period[0]
				+ (period[1].minusDays(1).equals(period[0]) ? "" : " to " + period[1].minusDays(1));
		StringBuilder body = new StringBuilder("The ").append(s.frequency().name().toLowerCase(Locale.ROOT))
			.append(" reports of ").append(program.name()).append(", attached as ").append(s.format()).append(":\n");
		for (PeriodicReports.Report r : made) {
			body.append("\n- ").append(r.title());
			r.tables().stream().findFirst().ifPresent(t -> body.append(" (").append(t.rows().size()).append(" row(s))"));
		}
		body.append("\n\nScheduled by ").append(s.owner()).append(" in Tierdesk.");
		for (String to : s.recipients()) {
			notifications.sendReport(program.id(), to, "report:" + id + ":" + period[0], subject, body.toString(),
					new Notifications.Attachment(fileName, s.format().contentType, file));
		}
		return true;
	}

	/** The period a run at {@code runAt} reports on: the day, week or month that ended before it. */
	static LocalDate[] lastPeriod(Frequency f, ZoneId zone, Instant runAt) {
		LocalDate day = LocalDate.ofInstant(runAt, zone);
		return switch (f) {
			case DAILY -> new LocalDate[] { day.minusDays(1), day };
			case WEEKLY -> {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				yield new LocalDate[] { monday.minusWeeks(1), monday };
			}
			case MONTHLY -> {
				LocalDate first = day.withDayOfMonth(1);
				yield new LocalDate[] { first.minusMonths(1), first };
			}
		};
	}

	/** The next sending time after {@code after}: 06:00 the day after a day, on Monday, on the 1st. */
	static Instant nextRun(Frequency f, ZoneId zone, Instant after) {
		LocalDate day = LocalDate.ofInstant(after, zone);
		LocalDate candidate = switch (f) {
			case DAILY -> day;
			case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTHLY -> day.withDayOfMonth(1);
		};
		while (!candidate.atTime(SEND_AT).atZone(zone).toInstant().isAfter(after)) {
			candidate = switch (f) {
				case DAILY -> candidate.plusDays(1);
				case WEEKLY -> candidate.plusWeeks(1);
				case MONTHLY -> candidate.plusMonths(1);
			};
		}
		return candidate.atTime(SEND_AT).atZone(zone).toInstant();
	}

	private static Frequency frequency(String value) {
		try {
			return Frequency.valueOf((value == null ? "" : value).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("frequency", "no frequency " + value + "; DAILY, WEEKLY or MONTHLY");
		}
	}

	private static List<String> recipients(List<String> given) {
		Set<String> out = new LinkedHashSet<>();
		if (given != null) {
			for (int i = 0; i < given.size(); i++) {
				for (String part : (given.get(i) == null ? "" : given.get(i)).split("[,;\\s]+")) {
					if (part.isBlank()) {
						continue;
					}
					String address = part.strip();
					try {
						jakarta.mail.internet.InternetAddress parsed = new jakarta.mail.internet.InternetAddress(address,
								true);
						parsed.validate();
						if (!address.contains("@") || address.length() > 254) {
							throw new jakarta.mail.internet.AddressException("no domain");
						}
					}
					catch (jakarta.mail.internet.AddressException e) {
						throw new InvalidFieldException("recipients[" + i + "]", "not an email address: " + address);
					}
					out.add(address.toLowerCase(Locale.ROOT));
				}
			}
		}
		if (out.isEmpty()) {
			throw new InvalidFieldException("recipients", "name at least one address to send the reports to");
		}
		if (out.size() > MAX_RECIPIENTS) {
			throw new InvalidFieldException("recipients", "at most " + MAX_RECIPIENTS + " addresses, not " + out.size());
		}
		return new ArrayList<>(out);
	}

	private static final String SELECT = """
			select id, program_id, name, kinds, frequency, format, recipients, owner_id, next_run_at, last_run_at,
			  last_from, last_to from reporting_schedule""";

	private Schedule byId(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, i) -> row(rs)).optional()
			.orElseThrow(() -> new NotFoundException("no report schedule " + id));
	}

	private Schedule row(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime last = rs.getObject("last_run_at", OffsetDateTime.class);
		long ownerId = rs.getLong("owner_id");
		return new Schedule(rs.getLong("id"), programs.byId(rs.getLong("program_id")).key(), rs.getString("name"),
				List.of(rs.getString("kinds").split(",")), Frequency.valueOf(rs.getString("frequency")),
				ReportFormat.valueOf(rs.getString("format")), List.of(rs.getString("recipients").split(",")),
				accounts.findById(ownerId).map(Accounts.Person::displayName).orElse("#" + ownerId),
				rs.getObject("next_run_at", OffsetDateTime.class).toInstant(), last == null ? null : last.toInstant(),
				rs.getObject("last_from", LocalDate.class), rs.getObject("last_to", LocalDate.class));
	}
}
