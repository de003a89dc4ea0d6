package org.tierdesk.directory;

import java.util.List;

import org.tierdesk.directory.Directory.ReleaseInfo;
import org.tierdesk.directory.Directory.SystemInfo;

/** One line of the "current release and version supported" report: a system and its releases by status. */
public record SupportedReleases(String system, SystemType type, String current, List<String> supported,
		List<String> endOfSupport, List<String> planned, List<ReleaseInfo> releases) {

	static SupportedReleases of(SystemInfo s) {
		return new SupportedReleases(s.name(), s.type(),
				s.releases().stream().filter(r -> r.status() == ReleaseStatus.CURRENT).map(ReleaseInfo::version)
					.findFirst().orElse(null),
				versions(s, ReleaseStatus.SUPPORTED), versions(s, ReleaseStatus.END_OF_SUPPORT),
				versions(s, ReleaseStatus.PLANNED), s.releases());
	}

	private static List<String> versions(SystemInfo s, ReleaseStatus status) {
		return s.releases().stream().filter(r -> r.status() == status).map(ReleaseInfo::version).toList();
	}
}
