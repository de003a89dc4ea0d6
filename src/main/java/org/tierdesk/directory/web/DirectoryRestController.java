package org.tierdesk.directory.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.Directory.HistoryEntry;
import org.tierdesk.directory.Directory.ImportSummary;
import org.tierdesk.directory.Directory.SystemInfo;
import org.tierdesk.directory.DirectoryDocument;
import org.tierdesk.directory.DirectoryLoad;
import org.tierdesk.directory.SystemType;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/programs/{key}/directory")
@Tag(name = "Directory", description = "The source of support directory: supported systems and their cognizant authorities")
class DirectoryRestController {

	private final Directory directory;

	private final DirectoryLoad load;

	DirectoryRestController(Directory directory, DirectoryLoad load) {
		this.directory = directory;
		this.load = load;
	}

	@GetMapping("/systems")
	@Operation(summary = "Supported systems; q matches names and aliases ignoring case and accents")
	List<SystemInfo> systems(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) SystemType type, @AuthenticationPrincipal DeskPrincipal me) {
		return directory.systems(me, key, q, type);
	}

	@GetMapping("/releases")
	@Operation(summary = "Current release and versions supported per system (status from the release's dates, today)")
	List<org.tierdesk.directory.SupportedReleases> releases(@PathVariable String key,
			@AuthenticationPrincipal DeskPrincipal me) {
		return directory.supportedReleases(me, key);
	}

	@GetMapping("/systems/{name}")
	@Operation(summary = "One system by name or alias, with its cognizant authority at each tier")
	SystemInfo system(@PathVariable String key, @PathVariable String name, @AuthenticationPrincipal DeskPrincipal me) {
		return directory.system(me, key, name);
	}

	@PostMapping("/import")
	@Operation(summary = "Load a directory document (systems, coverage, rotations): all-or-nothing, idempotent, "
			+ "every change in the history")
	DirectoryLoad.LoadSummary importDocument(@PathVariable String key, @RequestBody DirectoryDocument document,
			@AuthenticationPrincipal DeskPrincipal me) {
		return load.importDocument(me, key, document);
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	@Operation(summary = "Load a directory from CSV (one row per authority): all-or-nothing, idempotent")
	ImportSummary importCsv(@PathVariable String key, @RequestBody String csv,
			@AuthenticationPrincipal DeskPrincipal me) {
		return directory.importCsv(me, key, new java.io.StringReader(csv));
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "The whole directory as CSV")
	org.springframework.http.ResponseEntity<String> exportCsv(@PathVariable String key,
			@AuthenticationPrincipal DeskPrincipal me) {
		String csv = directory.exportCsv(me, key);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"directory-" + key + ".csv\"")
			.body(csv);
	}

	@GetMapping(path = "/export", produces = "application/json")
	@Operation(summary = "The whole directory (systems, coverage, rotations) as a document the import takes back")
	DirectoryDocument export(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return load.export(me, key);
	}

	@GetMapping("/systems/{name}/authorities")
	@Operation(summary = "A system's cognizant authority at each tier, with its point of contact")
	List<Directory.AuthorityInfo> authorities(@PathVariable String key, @PathVariable String name,
			@AuthenticationPrincipal DeskPrincipal me) {
		return directory.system(me, key, name).authorities();
	}

	@GetMapping("/contacts")
	@Operation(summary = "Every named point of contact of the directory, with the systems and tiers they answer for")
	List<Directory.ContactInfo> contacts(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return directory.contacts(me, key);
	}

	@GetMapping("/history")
	@Operation(summary = "Every change to the directory, newest first")
	List<HistoryEntry> history(@PathVariable String key, @RequestParam(defaultValue = "200") int limit,
			@AuthenticationPrincipal DeskPrincipal me) {
		return directory.history(me, key, limit);
	}
}
