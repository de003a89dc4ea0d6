package org.tierdesk.satisfaction;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.intake.Notifications;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.system.Sequences;
import org.tierdesk.system.Sha256;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.Tickets;

/**
 * The customer satisfaction survey: one question (how satisfied, 1 to 5, and a comment) offered once per ticket when
 * it closes accepted or by itself, on the ticket's own channel — a link by email or text message, or the portal for
 * requests made there. The link's token is random and kept only as its hash; the answer is given once, by the link or
 * by the requester signed in, and announced ({@link SurveyAnswered}) for the metrics.
 */
@Service
public class Surveys {

	/** A survey as its page and the reports show it. */
	public record Survey(long ticketId, String number, String subject, long programId, Channel channel,
			Offer offeredBy, Survey.Closed closedHow, Instant offeredAt, Instant answeredAt, Integer score,
			String comment) {

		public enum Closed {
			ACCEPTED, AUTO_CLOSED
		}

		public boolean answered() {
			return answeredAt != null;
		}
	}

	/** Satisfaction over a set of surveys: how many were offered and answered, and the answers' mean and spread. */
	public record Summary(long offered, long answered, Double averageScore, long[] scores) {

		public Double responseRate() {
			return offered == 0 ? null : Math.round(answered * 10_000.0 / offered) / 10_000.0;
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Sequences sequences;

	private final Tickets tickets;

	private final Notifications notifications;

	private final Programs programs;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String publicUrl;

	Surveys(JdbcClient jdbc, Sequences sequences, Tickets tickets, Notifications notifications, Programs programs,
			MessageSource messages, ApplicationEventPublisher events, Clock clock,
			@Value("${tierdesk.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.sequences = sequences;
		this.tickets = tickets;
		this.notifications = notifications;
		this.programs = programs;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/**
	 * Offers the survey for a ticket that closed, once: a second call (the event again, another instance) finds it
	 * there and sends nothing.
	 *
	 * @return whether it was offered now
	 */
	@Transactional
	public boolean offer(long ticketId, Survey.Closed how) {
		TicketFacts t = tickets.facts(ticketId).orElse(null);
		if (t == null) {
			return false;
		}
		byte[] secret = new byte[16];
		RANDOM.nextBytes(secret);
		String token = HexFormat.of().formatHex(secret);
		Offer by = Offer.forChannel(t.channel());
		int inserted = jdbc.sql("""
				insert into satisfaction_survey (id, ticket_id, program_id, requester_id, channel, offered_by, closed_how,
				  token_hash, offered_at)
				select :id, :ticket, :program, :requester, :channel, :by, :how, :hash, :at from (values (1)) as one(x)
				where not exists (select 1 from satisfaction_survey where ticket_id = :ticket)""")
			.param("id", sequences.next("satisfaction_survey_seq")).param("ticket", ticketId)
			.param("program", t.programId()).param("requester", t.requesterId()).param("channel", t.channel().name())
			.param("by", by.name()).param("how", how.name()).param("hash", Sha256.hex(token.getBytes()))
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			return false;
		}
		if (by != Offer.PORTAL) {
			Locale language = notifications.languageOf(t.programId());
			String link = publicUrl + "/survey/" + token;
			Object[] args = { t.number(), t.subject(), link };
			boolean sent = notifications.send(new Notifications.Notice(t.programId(), ticketId, t.requesterId(),
					by == Offer.SMS ? Channel.SMS : Channel.EMAIL, "survey:" + ticketId,
					messages.getMessage("survey.notice.subject", args, language),
					messages.getMessage(by == Offer.SMS ? "survey.notice.sms" : "survey.notice.body", args, language)));
			if (!sent) {
				jdbc.sql("update satisfaction_survey set offered_by = 'PORTAL' where ticket_id = :ticket")
					.param("ticket", ticketId).update();
			}
		}
		return true;
	}

	/** The survey behind a link, or not found (an unknown or altered token). */
	public Survey byToken(String token) {
		if (token == null || !token.matches("[0-9a-f]{32}")) {
			throw new NotFoundException("this link is not valid");
		}
		return find("token_hash = :key", Sha256.hex(token.getBytes()))
			.orElseThrow(() -> new NotFoundException("this link is not valid"));
	}

	/** Answers through the link: the token stands for the requester. */
	@Transactional
	public Survey answerByToken(String token, Integer score, String comment) {
		return answer(byToken(token), score, comment);
	}

	/** The survey of the requester's own ticket, if one was offered. */
	public Optional<Survey> ofMyTicket(DeskPrincipal me, String number) {
		TicketFacts t = tickets.factsOfNumber(number).orElse(null);
		if (t == null || t.requesterId() != me.accountId()) {
			return Optional.empty();
		}
		return find("ticket_id = :key", t.id());
	}

	/** Answers as the requester signed in (portal or API); anyone else finds no survey there. */
	@Transactional
	public Survey answerMine(DeskPrincipal me, String number, Integer score, String comment) {
		Survey s = ofMyTicket(me, number)
			.orElseThrow(() -> new NotFoundException("no satisfaction survey for " + number + " is waiting for you"));
		return answer(s, score, comment);
	}

	private Survey answer(Survey s, Integer score, String comment) {
		SurveyAnswer answer = SurveyAnswer.of(score, comment);
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update satisfaction_survey set score = :score, comment = :comment, answered_at = :at
				where ticket_id = :ticket and answered_at is null""")
			.param("score", answer.score()).param("comment", answer.comment()).param("at", now.atOffset(ZoneOffset.UTC))
			.param("ticket", s.ticketId()).update();
		if (changed == 0) {
			throw new org.tierdesk.system.RuleViolationException("score",
					"this survey was already answered; thank you");
		}
		events.publishEvent(new SurveyAnswered(s.ticketId(), s.programId(), answer.score(), now));
		return find("ticket_id = :key", s.ticketId()).orElseThrow();
	}

	/** The program's surveys answered in [from, to) (default: the last 31 days), newest first, for its staff. */
	public List<Survey> answered(DeskPrincipal me, String programKey, Instant from, Instant to, int limit) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff read its surveys");
		to = to == null ? clock.instant().plusSeconds(1) : to;
		from = from == null ? to.minus(java.time.Duration.ofDays(31)) : from;
		if (!from.isBefore(to)) {
			throw new org.tierdesk.system.InvalidFieldException("to", "the period ends before it starts");
		}
		return jdbc.sql(SELECT + " " + """
				where s.program_id = :program and s.answered_at >= :from and s.answered_at < :to
				 order by s.answered_at desc fetch first %d rows only""".formatted(Math.max(1, Math.min(limit, 1000))))
			.param("program", program.id()).param("from", at(from)).param("to", at(to))
			.query((rs, i) -> row(rs)).list();
	}

	/** Satisfaction of the program's tickets offered a survey in [from, to). */
	public Summary summary(long programId, Instant from, Instant to) {
		long[] scores = new long[6];
		long[] offered = { 0 };
		jdbc.sql("""
				select score, count(*) as n from satisfaction_survey
				where program_id = :program and offered_at >= :from and offered_at < :to group by score""")
			.param("program", programId).param("from", at(from)).param("to", at(to))
			.query((rs, i) -> {
				int score = rs.getInt("score");
				long n = rs.getLong("n");
				offered[0] += n;
				if (!rs.wasNull()) {
					scores[score] += n;
				}
				return null;
			}).list();
		return summarize(offered[0], scores);
	}

	/** Satisfaction of the given tickets (those a deficiency report's fix touched, say). */
	public Summary summaryOfTickets(java.util.Collection<Long> ticketIds) {
		long[] scores = new long[6];
		long offered = 0;
		for (List<Long> chunk : chunks(List.copyOf(ticketIds))) {
			for (Object[] r : jdbc.sql("select score from satisfaction_survey where ticket_id in (:ids)")
				.param("ids", chunk).query((rs, i) -> new Object[] { rs.getObject("score") }).list()) {
				offered++;
				if (r[0] != null) {
					scores[((Number) r[0]).intValue()]++;
				}
			}
		}
		return summarize(offered, scores);
	}

	private static Summary summarize(long offered, long[] scores) {
		long answered = 0;
		long sum = 0;
		for (int s = 1; s <= 5; s++) {
			answered += scores[s];
			sum += s * scores[s];
		}
		Double average = answered == 0 ? null : Math.round(sum * 100.0 / answered) / 100.0;
		return new Summary(offered, answered, average, java.util.Arrays.copyOfRange(scores, 1, 6));
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> out = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i += 500) {
			out.add(ids.subList(i, Math.min(ids.size(), i + 500)));
		}
		return out;
	}

	private static final String SELECT = """
			select s.ticket_id, s.program_id, s.channel, s.offered_by, s.closed_how, s.offered_at, s.answered_at, s.score,
			  s.comment from satisfaction_survey s""";

	private Optional<Survey> find(String where, Object key) {
		return jdbc.sql(SELECT + " where s." + where).param("key", key).query((rs, i) -> row(rs)).optional();
	}

	private Survey row(java.sql.ResultSet rs) throws java.sql.SQLException {
		long ticketId = rs.getLong("ticket_id");
		TicketFacts t = tickets.facts(ticketId).orElse(null);
		OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
		Integer score = rs.getObject("score") == null ? null : rs.getInt("score");
		return new Survey(ticketId, t == null ? "" : t.number(), t == null ? "" : t.subject(), rs.getLong("program_id"),
				Channel.valueOf(rs.getString("channel")), Offer.valueOf(rs.getString("offered_by")),
				Survey.Closed.valueOf(rs.getString("closed_how")),
				rs.getObject("offered_at", OffsetDateTime.class).toInstant(),
				answered == null ? null : answered.toInstant(), score, rs.getString("comment"));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
