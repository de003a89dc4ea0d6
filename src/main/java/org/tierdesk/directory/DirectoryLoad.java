package org.tierdesk.directory;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.Directory.ImportSummary;
import org.tierdesk.directory.OnCall.Checked;
import org.tierdesk.directory.OnCall.CheckedCoverage;
import org.tierdesk.directory.OnCall.CoverageInfo;
import org.tierdesk.directory.OnCall.OverrideForm;
import org.tierdesk.directory.OnCall.RotationForm;
import org.tierdesk.directory.OnCall.RotationInfo;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NotFoundException;

/**
 * Loads and exports a program's whole directory — systems and authorities, coverage and on-call rotations — as one
 * document: everything is checked before anything is applied, and a bad entry anywhere changes nothing.
 */
@Service
public class DirectoryLoad {

	private final Directory directory;

	private final OnCall onCall;

	private final Programs programs;

	DirectoryLoad(Directory directory, OnCall onCall, Programs programs) {
		this.directory = directory;
		this.onCall = onCall;
		this.programs = programs;
	}

	/** What an import changed. */
	public record LoadSummary(int created, int updated, int unchanged, int rotations, boolean coverage) {
	}

	@Transactional
	public LoadSummary importDocument(DeskPrincipal me, String programKey, DirectoryDocument document) {
		Program program = programs.findVisible(programKey, me)
			.orElseThrow(() -> new NotFoundException("no program " + programKey));
		List<RowProblem> problems = new ArrayList<>();
		List<RotationForm> rotationForms = document.rotations() == null ? List.of() : document.rotations();
		List<Checked> rotations = new ArrayList<>();
		for (int i = 0; i < rotationForms.size(); i++) {
			rotations.add(onCall.check(program, rotationForms.get(i), i + 1, "rotations[" + i + "].", problems));
		}
		CheckedCoverage coverage = document.coverage() == null ? null
				: onCall.check(document.coverage(), 1, "coverage.", problems);
		ImportSummary systems;
		try {
			systems = directory.importDocument(me, programKey, document, null);
		}
		catch (InvalidRowsException e) {
			List<RowProblem> all = new ArrayList<>(e.problems());
			all.addAll(problems);
			throw new InvalidRowsException("The directory was not loaded: " + all.size()
					+ " problem(s); nothing was changed.", all);
		}
		if (!problems.isEmpty()) {
			// the systems were fine, but the transaction rolls them back with this exception
			throw new InvalidRowsException("The directory was not loaded: " + problems.size()
					+ " problem(s); nothing was changed.", problems);
		}
		for (Checked r : rotations) {
			onCall.apply(program, r, me.accountId());
		}
		if (coverage != null) {
			onCall.apply(program, coverage, me.accountId());
		}
		return new LoadSummary(systems.created(), systems.updated(), systems.unchanged(), rotations.size(),
				coverage != null);
	}

	/** The whole directory, which {@link #importDocument} takes back unchanged. */
	@Transactional(readOnly = true)
	public DirectoryDocument export(DeskPrincipal me, String programKey) {
		DirectoryDocument systems = directory.export(me, programKey);
		CoverageInfo c = onCall.coverage(me, programKey);
		OnCall.CoverageForm coverage = !c.defined() ? null
				: new OnCall.CoverageForm(
						c.officeHours().entrySet().stream().collect(java.util.stream.Collectors.toMap(
								e -> e.getKey().name(), java.util.Map.Entry::getValue, (a, b) -> a,
								java.util.LinkedHashMap::new)),
						c.holidays(), c.afterHours().name(), c.emergencyPriorities(), c.notes());
		List<RotationForm> rotations = onCall.rotations(me, programKey).stream().map(DirectoryLoad::form).toList();
		return new DirectoryDocument(systems.program(), systems.systems(), coverage, rotations);
	}

	private static RotationForm form(RotationInfo r) {
		return new RotationForm(r.name(), r.group(), r.members(), r.shiftDays(), r.handover().toString(),
				r.startsOn().toString(), r.overrides().stream()
					.map(o -> new OverrideForm(o.person(), o.from().toString(), o.until().toString(), o.reason()))
					.toList());
	}
}
