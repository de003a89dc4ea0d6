package org.tierdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each program's impact x urgency -> priority matrix. A program that has not set its own uses the desk-wide default
 * ({@code tierdesk.ticket.priority-matrix}, else the standard ITIL matrix). Changing a matrix sets the priority of
 * tickets opened or re-rated from then on; existing priorities stay as they were decided.
 */
@Service
@Transactional(readOnly = true)
public class PriorityMatrices {

	/** Where a program's matrix comes from. */
	public enum Source {
		PROGRAM, DESK_DEFAULT
	}

	/** A program's matrix as shown and edited. */
	public record ProgramMatrix(String program, Source source, Map<Impact, Map<Urgency, Priority>> cells,
			Long updatedBy, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Clock clock;

	private final PriorityMatrix deskDefault;

	private final Cache<Long, PriorityMatrix> byProgram;

	PriorityMatrices(JdbcClient jdbc, Programs programs, Clock clock, TicketProperties properties,
			@Value("${tierdesk.ticket.priority-matrix-cache-ttl:10s}") Duration cacheTtl) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.clock = clock;
		this.deskDefault = properties.matrix();
		this.byProgram = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
	}

	/** The matrix that rates a program's tickets; remembered per instance for a few seconds. */
	PriorityMatrix of(long programId) {
		return byProgram.get(programId, id -> {
			List<Row> rows = rows(id);
			return rows.isEmpty() ? deskDefault : new PriorityMatrix(cells(rows));
		});
	}

	public ProgramMatrix read(DeskPrincipal me, String key) {
		Program program = visible(me, key);
		if (!me.staffOf(program.id())) {
			throw new ForbiddenException("only desk staff read the priority matrix");
		}
		return view(program);
	}

	/** Sets the program's own matrix: every impact needs a priority for every urgency. */
	@Transactional
	public ProgramMatrix set(DeskPrincipal me, String key, Map<Impact, Map<Urgency, Priority>> cells) {
		Program program = visible(me, key);
		if (!me.manages(program.id())) {
			throw new ForbiddenException("only the program's managers or an administrator change its priority matrix");
		}
		if (cells == null) {
			throw new InvalidFieldException("cells", "give a priority for every impact and urgency");
		}
		for (Impact impact : Impact.values()) {
			Map<Urgency, Priority> row = cells.get(impact);
			for (Urgency urgency : Urgency.values()) {
				if (row == null || row.get(urgency) == null) {
					throw new InvalidFieldException("cells." + impact + "." + urgency,
							"no priority for impact " + impact + " and urgency " + urgency);
				}
			}
		}
		Instant now = clock.instant();
		jdbc.sql("delete from ticket_priority_matrix where program_id = :program").param("program", program.id())
			.update();
		for (Impact impact : Impact.values()) {
			for (Urgency urgency : Urgency.values()) {
				jdbc.sql("""
						insert into ticket_priority_matrix (program_id, impact, urgency, priority, updated_by, updated_at)
						values (:program, :impact, :urgency, :priority, :by, :at)""")
					.param("program", program.id()).param("impact", impact.name()).param("urgency", urgency.name())
					.param("priority", cells.get(impact).get(urgency).name()).param("by", me.accountId())
					.param("at", now.atOffset(ZoneOffset.UTC)).update();
			}
		}
		forgetAfterCommit(program.id());
		return view(program);
	}

	/** Goes back to the desk-wide default. */
	@Transactional
	public ProgramMatrix reset(DeskPrincipal me, String key) {
		Program program = visible(me, key);
		if (!me.manages(program.id())) {
			throw new ForbiddenException("only the program's managers or an administrator change its priority matrix");
		}
		jdbc.sql("delete from ticket_priority_matrix where program_id = :program").param("program", program.id())
			.update();
		forgetAfterCommit(program.id());
		return view(program);
	}

	private ProgramMatrix view(Program program) {
		List<Row> rows = rows(program.id());
		if (rows.isEmpty()) {
			return new ProgramMatrix(program.key(), Source.DESK_DEFAULT, deskDefault.cells(), null, null);
		}
		Row last = rows.stream().max(java.util.Comparator.comparing(Row::updatedAt)).orElseThrow();
		return new ProgramMatrix(program.key(), Source.PROGRAM, cells(rows), last.updatedBy(), last.updatedAt());
	}

	private Program visible(DeskPrincipal me, String key) {
		return programs.findVisible(key, me).orElseThrow(() -> new NotFoundException("no program " + key));
	}

	private record Row(Impact impact, Urgency urgency, Priority priority, long updatedBy, Instant updatedAt) {
	}

	private List<Row> rows(long programId) {
		return jdbc.sql("""
				select impact, urgency, priority, updated_by, updated_at from ticket_priority_matrix
				where program_id = :program""")
			.param("program", programId)
			.query((rs, i) -> new Row(Impact.valueOf(rs.getString("impact")), Urgency.valueOf(rs.getString("urgency")),
					Priority.valueOf(rs.getString("priority")), rs.getLong("updated_by"),
					rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	private static Map<Impact, Map<Urgency, Priority>> cells(List<Row> rows) {
		Map<Impact, Map<Urgency, Priority>> cells = new EnumMap<>(Impact.class);
		for (Row row : rows) {
			cells.computeIfAbsent(row.impact(), i -> new EnumMap<>(Urgency.class)).put(row.urgency(), row.priority());
		}
		return cells;
	}

	private void forgetAfterCommit(long programId) {
		AfterCommit.forgetNowAndAtEnd(() -> byProgram.invalidate(programId));
	}
}
