package org.tierdesk.entitlement;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.entitlement.Coverage.Outcome;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Entitlement;
import org.tierdesk.ticket.IntakeCheck;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.Tickets;

/**
 * Entitlement's use cases: load contracts, assets and licences (CSV, all-or-nothing), check a request, apply the
 * program's policy to new tickets (refuse, flag or take at best effort), grant exceptions, and re-check a ticket when
 * what it is entitled by changes. A program with no contracts and no assets does not check at all.
 */
@Service
public class Entitlements implements IntakeCheck {

	private final ContractRepository contracts;

	private final AssetRepository assets;

	private final LicenceRepository licences;

	private final ExceptionRepository exceptions;

	private final SettingsRepository settings;

	private final Programs programs;

	private final Accounts accounts;

	private final Tickets tickets;

	private final Clock clock;

	/**
	 * Whether a program has contracts or assets at all (programs without do not check), per instance for a few
	 * seconds: asked on every new ticket, changed only by an import (forgotten at once here).
	 */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> checks = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder().maximumSize(1_000).expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

	Entitlements(ContractRepository contracts, AssetRepository assets, LicenceRepository licences, ExceptionRepository exceptions, SettingsRepository settings,
			Programs programs, Accounts accounts, @org.springframework.context.annotation.Lazy Tickets tickets,
			Clock clock) {
		this.contracts = contracts;
		this.assets = assets;
		this.licences = licences;
		this.exceptions = exceptions;
		this.settings = settings;
		this.programs = programs;
		this.accounts = accounts;
		this.tickets = tickets;
		this.clock = clock;
	}

	/** What to check: a serial number, a contract number, a requester or an organization, and the system. */
	public record CheckRequest(String program, String serialNumber, String contractNumber, Long requesterId,
			String organization, String system, String site) {
	}

	public record CheckResult(EntitlementStatus status, String serviceLevel, String contractNumber, String reason,
			Instant checkedAt) {
	}

	public record ImportSummary(int created, int updated, int unchanged) {
	}

	public record ExceptionForm(String requester, String ticket, String serviceLevel, String reason,
			String expiresOn) {
	}

	public record ExceptionView(long id, String kind, String requester, String ticket, String serviceLevel,
			String reason, String grantedBy, Instant grantedAt, LocalDate expiresOn) {
	}

	public record PolicyView(NotEntitledPolicy notEntitled, String refusalMessage) {
	}

	// -- checking -------------------------------------------------------------------------------------------------

	/** The check on demand, for desk staff. */
	@Transactional(readOnly = true)
	public CheckResult check(DeskPrincipal me, CheckRequest r) {
		Program program = programs.findVisible(r.program() == null ? "" : r.program(), me)
			.orElseThrow(() -> new NotFoundException("no program " + r.program()));
		if (!me.staffOf(program.id())) {
			throw new ForbiddenException("only desk staff check entitlements");
		}
		String organization = r.organization();
		Long requester = r.requesterId();
		if (requester != null) {
			Person p = accounts.findById(requester).filter(x -> x.programIds().contains(program.id()))
				.orElseThrow(() -> new InvalidFieldException("requesterId", "no requester " + requester + " in " + program.key()));
			organization = organization == null ? p.organization() : organization;
		}
		if (r.serialNumber() == null && r.contractNumber() == null && requester == null && organization == null) {
			throw new InvalidFieldException("serialNumber", "give a serial number, a contract number, a requester or an organization");
		}
		Outcome o = decide(program, requester, null, r.serialNumber(), r.contractNumber(), organization, r.system(),
				r.site());
		return new CheckResult(o.status(), o.serviceLevel(), o.contractNumber(), o.reason(), clock.instant());
	}

	/** Every new ticket, before it is created: the outcome, and the program's policy when not entitled. */
	@Override
	@Transactional(readOnly = true)
	public Optional<Entitlement> check(Intake intake) {
		if (!checks.get(intake.programId(), id -> contracts.existsByProgramId(id) || assets.existsByProgramId(id))) {
			return Optional.empty();
		}
		Outcome o = decide(programs.byId(intake.programId()), intake.requesterId(), null,
				intake.facts().serialNumber(), intake.facts().contractNumber(), intake.requesterOrganization(),
				intake.facts().affectedSystem(), intake.facts().location());
		return Optional.of(applyPolicy(intake.programId(), o, true));
	}

	/** Re-checks an existing ticket (its facts changed, an exception was granted, its contracts changed). */
	@Transactional
	public void recheck(long ticketId) {
		Optional<TicketFacts> found = tickets.facts(ticketId);
		if (found.isEmpty() || found.get().status().isEnded()) {
			return;
		}
		TicketFacts t = found.get();
		if (!contracts.existsByProgramId(t.programId()) && !assets.existsByProgramId(t.programId())
				&& exceptions.findByTicketId(ticketId).isEmpty()) {
			return;
		}
		Outcome o = decide(programs.byId(t.programId()), t.requesterId(), ticketId, t.serialNumber(),
				t.contractNumber(), t.requesterOrganization(), t.affectedSystem(), t.location());
		tickets.recordEntitlement(ticketId, applyPolicy(t.programId(), o, false));
	}

	private Entitlement applyPolicy(long programId, Outcome o, boolean atIntake) {
		Instant now = clock.instant();
		if (o.status() == EntitlementStatus.ENTITLED) {
			return new Entitlement(o.status().name(), o.serviceLevel(), o.contractNumber(), o.reason(), false, now);
		}
		EntitlementSettings s = settings.findById(programId).orElseGet(() -> new EntitlementSettings(programId));
		switch (s.notEntitled()) {
			case REFUSE -> {
				if (atIntake) {
					throw new RuleViolationException("entitlement", (s.refusalMessage() == null
							? "This request is not covered by a support contract" : s.refusalMessage()) + " (" + o.reason() + ")");
				}
				return new Entitlement(o.status().name(), null, o.contractNumber(), o.reason(), true, now);
			}
			case BEST_EFFORT -> {
				return new Entitlement(o.status().name(), "BEST_EFFORT", o.contractNumber(), o.reason(), false, now);
			}
			default -> {
				return new Entitlement(o.status().name(), null, o.contractNumber(), o.reason(), true, now);
			}
		}
	}

	private Outcome decide(Program program, Long requesterId, Long ticketId, String serial, String contract,
			String organization, String system, String site) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), program.timeZone());
		List<EntitlementException> granted = new ArrayList<>();
		if (ticketId != null) {
			granted.addAll(exceptions.findByTicketId(ticketId));
		}
		if (requesterId != null) {
			granted.addAll(exceptions.findByProgramIdAndRequesterId(program.id(), requesterId));
		}
		Optional<EntitlementException> exception = granted.stream().filter(e -> e.activeOn(today)).findFirst();
		if (exception.isPresent()) {
			EntitlementException e = exception.get();
			String by = accounts.findById(e.grantedBy()).map(Person::username).orElse("#" + e.grantedBy());
			return new Outcome(EntitlementStatus.ENTITLED, e.serviceLevel(), null,
					e.kind().toLowerCase().replace('_', ' ') + " granted by " + by + ": " + e.reason());
		}
		String serialValue = blank(serial);
		String contractValue = blank(contract);
		Optional<Coverage.AssetTerms> asset = serialValue == null ? Optional.empty()
				: assets.findByProgramIdAndSerialKey(program.id(), Coverage.key(serialValue)).map(Asset::terms);
		List<Coverage.ContractTerms> candidates = new ArrayList<>();
		String org = asset.map(Coverage.AssetTerms::organization).filter(x -> x != null).orElse(organization);
		if (asset.isPresent() && asset.get().contractNumber() != null) {
			contracts.findByProgramIdAndNumberKey(program.id(), Coverage.key(asset.get().contractNumber()))
				.map(Contract::terms).ifPresent(candidates::add);
		}
		else if (contractValue != null) {
			contracts.findByProgramIdAndNumberKey(program.id(), Coverage.key(contractValue)).map(Contract::terms)
				.ifPresent(candidates::add);
		}
		else if (org != null) {
			contracts.findByProgramIdAndOrganizationKey(program.id(), Coverage.key(org)).stream().map(Contract::terms)
				.forEach(candidates::add);
		}
		String licensed = asset.map(Coverage.AssetTerms::system).orElse(system);
		Optional<Coverage.LicenceTerms> licence = org == null || licensed == null ? Optional.empty()
				: licences.findByProgramIdAndOrganizationKeyAndProductKey(program.id(), Coverage.key(org),
						Coverage.key(licensed)).map(Licence::terms);
		return Coverage.decide(new Coverage.Request(serialValue, contractValue, org, blank(system), blank(site)),
				asset, candidates, licence, today);
	}

	// -- exceptions and policy ------------------------------------------------------------------------------------

	/** Grants an exception: to a customer (VIP override) or to one ticket (a waiver); the ticket is re-checked. */
	@Transactional
	public ExceptionView grant(DeskPrincipal me, String programKey, ExceptionForm f) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		Long requester = null;
		Long ticket = null;
		if ((f.requester() == null) == (f.ticket() == null)) {
			problems.add(new RowProblem(1, "requester", "name a customer (VIP override) or a ticket (waiver), not both"));
		}
		if (f.requester() != null) {
			requester = accounts.findByUsername(f.requester().strip()).filter(p -> p.programIds().contains(program.id()))
				.map(Person::id).orElse(null);
			if (requester == null) {
				problems.add(new RowProblem(1, "requester", "no customer " + f.requester() + " in " + program.key()));
			}
		}
		if (f.ticket() != null) {
			try {
				TicketFacts t = tickets.facts(me, f.ticket().strip());
				if (t.programId() != program.id()) {
					throw new NotFoundException("other program");
				}
				ticket = t.id();
			}
			catch (NotFoundException e) {
				problems.add(new RowProblem(1, "ticket", "no ticket " + f.ticket() + " in " + program.key()));
			}
		}
		if (f.serviceLevel() == null || f.serviceLevel().isBlank() || f.serviceLevel().length() > 100) {
			problems.add(new RowProblem(1, "serviceLevel", "the service level the exception grants"));
		}
		if (f.reason() == null || f.reason().isBlank() || f.reason().length() > 2000) {
			problems.add(new RowProblem(1, "reason", "say why the exception is granted"));
		}
		LocalDate expires = null;
		if (f.expiresOn() != null) {
			try {
				expires = LocalDate.parse(f.expiresOn().strip());
			}
			catch (DateTimeException e) {
				problems.add(new RowProblem(1, "expiresOn", "a date (YYYY-MM-DD)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The exception was not granted.", problems);
		}
		EntitlementException e = exceptions.save(new EntitlementException(program.id(),
				ticket != null ? "WAIVER" : "VIP_OVERRIDE", requester, ticket, f.serviceLevel().strip(), f.reason().strip(),
				me.accountId(), clock.instant(), expires));
		if (ticket != null) {
			recheck(ticket);
		}
		return view(e, Map.of());
	}

	@Transactional(readOnly = true)
	public List<ExceptionView> exceptions(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		List<EntitlementException> found = exceptions.findByProgramIdOrderByGrantedAtDesc(program.id());
		Set<Long> ids = new HashSet<>();
		found.forEach(e -> {
			ids.add(e.grantedBy());
			if (e.requesterId() != null) {
				ids.add(e.requesterId());
			}
		});
		return found.stream().map(e -> view(e, accounts.byIds(ids))).toList();
	}

	@Transactional
	public PolicyView setPolicy(DeskPrincipal me, String programKey, PolicyView policy) {
		Program program = managed(me, programKey);
		if (policy == null || policy.notEntitled() == null) {
			throw new InvalidFieldException("notEntitled", "BEST_EFFORT, FLAG_FOR_REVIEW or REFUSE");
		}
		if (policy.refusalMessage() != null && policy.refusalMessage().length() > 2000) {
			throw new InvalidFieldException("refusalMessage", "at most 2000 characters");
		}
		EntitlementSettings s = settings.findById(program.id()).orElseGet(() -> settings.save(new EntitlementSettings(program.id())));
		s.define(policy.notEntitled(), policy.refusalMessage());
		return new PolicyView(s.notEntitled(), s.refusalMessage());
	}

	@Transactional(readOnly = true)
	public PolicyView policy(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		EntitlementSettings s = settings.findById(program.id()).orElseGet(() -> new EntitlementSettings(program.id()));
		return new PolicyView(s.notEntitled(), s.refusalMessage());
	}

	// -- reading --------------------------------------------------------------------------------------------------

	public record ContractView(String number, String organization, String serviceLevel, LocalDate startsOn,
			LocalDate endsOn, List<String> coveredSystems, List<String> coveredSites) {
	}

	public record AssetView(String serialNumber, String system, String site, String organization,
			String contractNumber, LocalDate warrantyEnds, String version) {
	}

	public record LicenceView(String organization, String product, int entitled, int used, boolean overLimit) {
	}

	@Transactional(readOnly = true)
	public List<ContractView> contracts(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return contracts.findByProgramIdOrderByNumber(program.id()).stream().map(Contract::terms)
			.map(c -> new ContractView(c.number(), c.organization(), c.serviceLevel(), c.startsOn(), c.endsOn(),
					c.systems(), c.sites()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<AssetView> assets(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return assets.findByProgramIdOrderBySerialNumber(program.id()).stream().map(Asset::terms)
			.map(a -> new AssetView(a.serialNumber(), a.system(), a.site(), a.organization(), a.contractNumber(),
					a.warrantyEnds(), a.version()))
			.toList();
	}

	/**
	 * The program's installed base, for other modules (advisories): every asset with the system and release it runs,
	 * and the organization and site it is at.
	 */
	@Transactional(readOnly = true)
	public List<AssetView> installedBase(long programId) {
		return assets.findByProgramIdOrderBySerialNumber(programId).stream().map(Asset::terms)
			.map(a -> new AssetView(a.serialNumber(), a.system(), a.site(), a.organization(), a.contractNumber(),
					a.warrantyEnds(), a.version()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<LicenceView> licences(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return licences.findByProgramIdOrderByOrganizationAscProductAsc(program.id()).stream().map(Licence::terms)
			.map(l -> new LicenceView(l.organization(), l.product(), l.entitled(), l.used(), l.used() > l.entitled()))
			.toList();
	}

	// -- import ---------------------------------------------------------------------------------------------------

	/** What a CSV of contracts, assets or licences holds. */
	public enum Kind {
		CONTRACTS("number", "organization", "service_level", "starts_on", "ends_on", "covered_systems", "covered_sites"),
		ASSETS("serial_number", "system", "site", "organization", "contract_number", "warranty_ends"),
		LICENCES("organization", "product", "entitled", "used");

		final List<String> columns;

		Kind(String... columns) {
			this.columns = List.of(columns);
		}

		/** The CSV header the import expects (assets may add an optional {@code version} column). */
		public List<String> columns() {
			return columns;
		}
	}

	/**
	 * Loads a CSV with a header row: every row is checked first (each problem named by line and column), nothing is
	 * applied if any is wrong; rows are matched by their key, so loading the same file again changes nothing. Open
	 * tickets are re-checked afterwards.
	 */
	@Transactional
	public ImportSummary importCsv(DeskPrincipal me, String programKey, Kind kind, Reader csv) {
		Program program = managed(me, programKey);
		List<CSVRecord> rows;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get().parse(csv)) {
			List<String> missing = kind.columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
			if (!missing.isEmpty()) {
				throw new InvalidRowsException("The file was not loaded: its header lacks columns.",
						missing.stream().map(c -> new RowProblem(1, c, "missing column")).toList());
			}
			rows = parser.getRecords();
		}
		catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
			throw new InvalidRowsException("The file was not loaded: it is not valid CSV.",
					List.of(new RowProblem(1, "file", e.getMessage() == null ? "not CSV" : e.getMessage())));
		}
		List<RowProblem> problems = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		List<Runnable> apply = new ArrayList<>();
		int[] counts = new int[3];
		for (CSVRecord row : rows) {
			int line = (int) row.getRecordNumber() + 1;
			Function<String, String> get = c -> row.isSet(c) && !row.get(c).isBlank() ? row.get(c).strip() : null;
			switch (kind) {
				case CONTRACTS -> {
					String number = required(get, "number", line, problems);
					String org = required(get, "organization", line, problems);
					String level = required(get, "service_level", line, problems);
					LocalDate starts = date(get, "starts_on", line, problems);
					LocalDate ends = date(get, "ends_on", line, problems);
					if (starts != null && ends != null && ends.isBefore(starts)) {
						problems.add(new RowProblem(line, "ends_on", "a contract ends after it starts"));
					}
					duplicate(number, keys, line, "number", problems);
					List<String> systems = Contract.list(get.apply("covered_systems"));
					List<String> sites = Contract.list(get.apply("covered_sites"));
					apply.add(() -> {
						Contract c = contracts.findByProgramIdAndNumberKey(program.id(), Coverage.key(number))
							.orElseGet(() -> new Contract(program.id(), Coverage.key(number)));
						count(counts, c.id() == null, c.define(number, org, level, starts, ends, systems, sites));
						if (c.id() == null) {
							contracts.save(c);
						}
					});
				}
				case ASSETS -> {
					String serial = required(get, "serial_number", line, problems);
					LocalDate warranty = date(get, "warranty_ends", line, problems);
					String contract = get.apply("contract_number");
					duplicate(serial, keys, line, "serial_number", problems);
					apply.add(() -> {
						Asset a = assets.findByProgramIdAndSerialKey(program.id(), Coverage.key(serial))
							.orElseGet(() -> new Asset(program.id(), Coverage.key(serial)));
						count(counts, a.id() == null, a.define(serial, get.apply("system"), get.apply("site"),
								get.apply("organization"), contract, warranty, get.apply("version")));
						if (a.id() == null) {
							assets.save(a);
						}
					});
					if (contract != null
							&& contracts.findByProgramIdAndNumberKey(program.id(), Coverage.key(contract)).isEmpty()) {
						problems.add(new RowProblem(line, "contract_number",
								"no contract " + contract + " (load the contracts first)"));
					}
				}
				case LICENCES -> {
					String org = required(get, "organization", line, problems);
					String product = required(get, "product", line, problems);
					Integer entitled = count(get, "entitled", line, problems);
					Integer used = count(get, "used", line, problems);
					duplicate(org + "/" + product, keys, line, "product", problems);
					apply.add(() -> {
						Licence l = licences.findByProgramIdAndOrganizationKeyAndProductKey(program.id(), Coverage.key(org),
								Coverage.key(product))
							.orElseGet(() -> new Licence(program.id(), Coverage.key(org), Coverage.key(product)));
						count(counts, l.id() == null, l.define(org, product, entitled, used));
						if (l.id() == null) {
							licences.save(l);
						}
					});
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The file was not loaded: " + problems.size() + " problem(s); nothing was changed.",
					problems);
		}
		apply.forEach(Runnable::run);
		AfterCommit.forgetNowAndAtEnd(() -> checks.invalidate(program.id()));
		for (Long ticketId : tickets.activeTicketIds(program.id())) {
			recheck(ticketId);
		}
		return new ImportSummary(counts[0], counts[1], counts[2]);
	}

	private static void count(int[] counts, boolean isNew, String before) {
		counts[isNew ? 0 : before == null ? 2 : 1]++;
	}

	private static String required(Function<String, String> get, String column, int line, List<RowProblem> problems) {
		String v = get.apply(column);
		if (v == null) {
			problems.add(new RowProblem(line, column, "required"));
		}
		else if (v.length() > 200) {
			problems.add(new RowProblem(line, column, "at most 200 characters"));
		}
		return v;
	}

	private static LocalDate date(Function<String, String> get, String column, int line, List<RowProblem> problems) {
		String v = get.apply(column);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeException e) {
			problems.add(new RowProblem(line, column, "not a date (YYYY-MM-DD): " + v));
			return null;
		}
	}

	private static Integer count(Function<String, String> get, String column, int line, List<RowProblem> problems) {
		String v = get.apply(column);
		try {
			int n = Integer.parseInt(v == null ? "" : v);
			if (n < 0) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new RowProblem(line, column, "a whole number, 0 or more: " + v));
			return 0;
		}
	}

	private static void duplicate(String key, Set<String> keys, int line, String column, List<RowProblem> problems) {
		if (key != null && !keys.add(Coverage.key(key))) {
			problems.add(new RowProblem(line, column, "appears twice in the file: " + key));
		}
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	private ExceptionView view(EntitlementException e, Map<Long, Person> people) {
		Function<Long, String> name = id -> id == null ? null
				: people.containsKey(id) ? people.get(id).username()
						: accounts.findById(id).map(Person::username).orElse("#" + id);
		return new ExceptionView(e.id(), e.kind(), name.apply(e.requesterId()),
				e.ticketId() == null ? null : tickets.facts(e.ticketId()).map(TicketFacts::number).orElse(null),
				e.serviceLevel(), e.reason(), name.apply(e.grantedBy()), e.grantedAt(), e.expiresOn());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private Program visible(DeskPrincipal me, String programKey) {
		return programs.visibleTo(me, programKey);
	}

	private Program readable(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only desk staff read entitlements");
	}

	private Program managed(DeskPrincipal me, String programKey) {
		return programs.forManagers(me, programKey, "only the program's managers or an administrator change its entitlements");
	}
}
