package org.tierdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.ticket.TicketViews.TicketSummary;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * Lists tickets with filters, paginated and sorted on allow-listed fields, restricted in the query itself to what
 * the caller may see.
 */
@Service
@Transactional(readOnly = true)
public class TicketSearch {

	/** Fields a list may be sorted on. */
	public static final Set<String> SORTABLE = Set.of("number", "createdAt", "updatedAt", "priority", "status", "tier");

	public static final int MAX_PAGE_SIZE = 100;

	private final TicketRepository tickets;

	private final Programs programs;

	private final Callers callers;

	private final TicketViews views;

	private final jakarta.persistence.EntityManager entityManager;

	TicketSearch(TicketRepository tickets, Programs programs, Callers callers, TicketViews views,
			jakarta.persistence.EntityManager entityManager) {
		this.entityManager = entityManager;
		this.tickets = tickets;
		this.programs = programs;
		this.callers = callers;
		this.views = views;
	}

	/** Filters; every one is optional. */
	public record TicketFilter(String program, List<TicketStatus> status, Integer tier, Long ownerId,
			Long assigneeGroupId, Long requesterId, TicketKind kind, Instant updatedSince) {
	}

	public record TicketPage(List<TicketSummary> items, int page, int size, long totalItems, int totalPages) {
	}

	public TicketPage list(DeskPrincipal me, TicketFilter filter, int page, int size, String sort) {
		if (page < 0) {
			throw new InvalidFieldException("page", "page starts at 0");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidFieldException("size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		Caller c = callers.of(me);
		Specification<Ticket> spec = visibleTo(c).and(matching(filter, c));
		Page<Ticket> result = tickets.findAll(spec, PageRequest.of(page, size, sort(sort)));
		return new TicketPage(views.summaries(result.getContent(), c), page, size, result.getTotalElements(),
				result.getTotalPages());
	}

	/** The agent console's standing queues. */
	public enum Queue {
		/** Tickets I own, not yet closed or cancelled (resolutions awaiting the customer's answer included). */
		MINE,
		/** Work assigned to one of my groups (Tier 2/3 specialists, Tier 4 vendors). */
		MY_GROUPS,
		/** Unfinished tickets nobody owns yet: the Tier 1 queue. */
		UNASSIGNED,
		/** Every unfinished ticket I may see. */
		OPEN
	}

	private static final List<TicketStatus> NOT_ENDED = List.of(TicketStatus.NEW, TicketStatus.OPEN,
			TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR, TicketStatus.RESOLVED);

	/**
	 * One page of a standing queue: the work queues most urgent and then longest waiting first, my own tickets latest
	 * change first. The filter narrows the queue further (program, tier, kind, status ...).
	 */
	public TicketPage queue(DeskPrincipal me, TicketFilter filter, Queue queue, int page, int size) {
		if (page < 0) {
			throw new InvalidFieldException("page", "page starts at 0");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidFieldException("size", "size is 1 to " + MAX_PAGE_SIZE);
		}
		Caller c = callers.of(me);
		Specification<Ticket> spec = inQueue(c, filter, queue);
		// one index range per queue, read in queue order up to the page's end (see the queue indexes' migration)
		Sort order = queue == Queue.MINE ? Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("id"))
				: Sort.by("priorityRank").and(Sort.by("createdAt")).and(Sort.by("id"));
		List<Ticket> rows = window(spec, order, page * size, size + 1);
		boolean more = rows.size() > size;
		long counted = countUpTo(spec, COUNT_CAP);
		int pages = counted > COUNT_CAP ? page + (more ? 2 : 1)
				: Math.max(page + (more ? 2 : 1), (int) ((counted + size - 1) / size));
		return new TicketPage(views.summaries(rows.subList(0, Math.min(size, rows.size())), c), page, size, counted,
				pages);
	}

	/** Counts stop here: a queue longer than this shows as "1000+" (a count that never scans a whole queue). */
	public static final int COUNT_CAP = 1000;

	private List<Ticket> window(Specification<Ticket> spec, Sort sort, int offset, int limit) {
		CriteriaBuilder cb = entityManager.getCriteriaBuilder();
		jakarta.persistence.criteria.CriteriaQuery<Ticket> q = cb.createQuery(Ticket.class);
		Root<Ticket> root = q.from(Ticket.class);
		q.where(spec.toPredicate(root, q, cb));
		q.orderBy(org.springframework.data.jpa.repository.query.QueryUtils.toOrders(sort, root, cb));
		return entityManager.createQuery(q).setFirstResult(offset).setMaxResults(limit).getResultList();
	}

	/** How many tickets match, counting no further than {@code cap + 1}. */
	private long countUpTo(Specification<Ticket> spec, int cap) {
		CriteriaBuilder cb = entityManager.getCriteriaBuilder();
		jakarta.persistence.criteria.CriteriaQuery<Long> q = cb.createQuery(Long.class);
		Root<Ticket> root = q.from(Ticket.class);
		q.select(root.get("id")).where(spec.toPredicate(root, q, cb));
		return entityManager.createQuery(q).setMaxResults(cap + 1).getResultList().size();
	}

	/** How many tickets stand in each queue, each counted up to {@link #COUNT_CAP} + 1 along its index range. */
	public java.util.Map<Queue, Long> queueCounts(DeskPrincipal me, TicketFilter filter) {
		Caller c = callers.of(me);
		java.util.Map<Queue, Long> counts = new java.util.EnumMap<>(Queue.class);
		for (Queue q : Queue.values()) {
			counts.put(q, countUpTo(inQueue(c, filter, q), COUNT_CAP));
		}
		return counts;
	}

	/** Programs whose tickets changed after a moment, with the latest change of each. */
	public record ProgramChange(long programId, Instant lastChange) {
	}

	/** What changed after {@code since}: what live screens poll (every instance reads the database itself). */
	public List<ProgramChange> changedSince(Instant since) {
		return tickets.changedSince(since).stream()
			.map(row -> new ProgramChange(((Number) row[0]).longValue(), (Instant) row[1])).toList();
	}

	/** The given tickets in the given order, leaving out any the caller may not see. */
	public List<TicketSummary> summariesOf(DeskPrincipal me, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Caller c = callers.of(me);
		Specification<Ticket> byIds = (root, query, cb) -> root.get("id").in(ids);
		java.util.Map<Long, Ticket> found = new java.util.HashMap<>();
		tickets.findAll(visibleTo(c).and(byIds)).forEach(t -> found.put(t.id(), t));
		return views.summaries(ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList(), c);
	}

	private Specification<Ticket> inQueue(Caller c, TicketFilter filter, Queue queue) {
		Specification<Ticket> spec = visibleTo(c).and(matching(filter, c));
		return spec.and((root, query, cb) -> switch (queue) {
			case MINE -> cb.and(cb.equal(root.get("ownerId"), c.id()), root.get("status").in(NOT_ENDED));
			case MY_GROUPS -> c.groupIds().isEmpty() ? cb.disjunction()
					: cb.and(cb.isTrue(root.get("active")),
							cb.exists(activeAssignmentIn(root, query.subquery(Long.class), cb, c.groupIds())));
			case UNASSIGNED -> cb.and(cb.isTrue(root.get("active")), cb.isNull(root.get("ownerId")));
			case OPEN -> cb.isTrue(root.get("active"));
		});
	}

	static Sort sort(String sort) {
		if (sort == null || sort.isBlank()) {
			return Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("id"));
		}
		String[] parts = sort.split(",");
		String field = parts[0].strip();
		if (!SORTABLE.contains(field)) {
			throw new InvalidFieldException("sort", "sort on one of " + SORTABLE.stream().sorted().toList());
		}
		Sort.Direction direction = Sort.Direction.ASC;
		if (parts.length > 1) {
			direction = Sort.Direction.fromOptionalString(parts[1].strip())
					.orElseThrow(() -> new InvalidFieldException("sort", "direction is asc or desc"));
		}
		return Sort.by(direction, field).and(Sort.by("id"));
	}

	private Specification<Ticket> visibleTo(Caller c) {
		return (root, query, cb) -> {
			DeskPrincipal me = c.principal();
			if (me.isAdmin()) {
				return cb.conjunction();
			}
			List<Predicate> any = new ArrayList<>();
			List<Long> staffPrograms = me.programIds().stream().filter(me::staffOf).toList();
			if (!staffPrograms.isEmpty()) {
				any.add(root.get("programId").in(staffPrograms));
			}
			if (c.isVendor() && !c.groupIds().isEmpty()) {
				any.add(cb.exists(activeAssignmentIn(root, query.subquery(Long.class), cb, c.groupIds())));
			}
			if (c.isCustomer()) {
				any.add(cb.equal(root.get("requesterId"), me.accountId()));
				List<Long> orgPrograms = programs.byIds(me.programIds()).stream()
						.filter(Program::organizationVisibility).map(Program::id).toList();
				if (c.organization() != null && !orgPrograms.isEmpty()) {
					any.add(cb.and(root.get("programId").in(orgPrograms),
							cb.equal(root.get("requesterOrganization"), c.organization())));
				}
			}
			return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
		};
	}

	private Specification<Ticket> matching(TicketFilter f, Caller c) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (f.program() != null) {
				Program program = programs.findVisible(f.program(), c.principal())
						.orElseThrow(() -> new InvalidFieldException("program", "no program " + f.program()));
				all.add(cb.equal(root.get("programId"), program.id()));
			}
			if (f.status() != null && !f.status().isEmpty()) {
				all.add(root.get("status").in(f.status()));
			}
			if (f.tier() != null) {
				all.add(cb.equal(root.get("tier"), f.tier()));
			}
			if (f.ownerId() != null) {
				all.add(cb.equal(root.get("ownerId"), f.ownerId()));
			}
			if (f.requesterId() != null) {
				all.add(cb.equal(root.get("requesterId"), f.requesterId()));
			}
			if (f.kind() != null) {
				all.add(cb.equal(root.get("kind"), f.kind()));
			}
			if (f.updatedSince() != null) {
				all.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), f.updatedSince()));
			}
			if (f.assigneeGroupId() != null) {
				all.add(cb.exists(activeAssignmentIn(root, query.subquery(Long.class), cb, Set.of(f.assigneeGroupId()))));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	private static Subquery<Long> activeAssignmentIn(Root<Ticket> ticket, Subquery<Long> sub, CriteriaBuilder cb,
			Set<Long> groupIds) {
		Root<Assignment> a = sub.from(Assignment.class);
		return sub.select(a.get("id")).where(cb.equal(a.get("ticket"), ticket),
				cb.equal(a.get("status"), AssignmentStatus.ACTIVE), a.get("groupId").in(groupIds));
	}
}
