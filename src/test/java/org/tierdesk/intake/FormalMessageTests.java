package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The formal message parser: good messages read whole, bad ones refused naming the line. */
class FormalMessageTests {

	static final String GOOD = """
			UNCLASSIFIED
			R 231200Z NOV 26
			FM USS EXAMPLE
			FROM: USS EXAMPLE (DDG 999)
			TO: NAVY 311 CENTER NORFOLK VA
			INFO: COMNAVSURFLANT NORFOLK VA
			      NAVSEA WASHINGTON DC
			SUBJ: GPS RECEIVER FAILS AFTER
			      SOFTWARE LOAD 4.2
			
			1. AFTER LOADING VERSION 4.2 THE GPS RECEIVER REBOOTS EVERY 10 MINUTES.
			2. REQUEST ASSISTANCE.
			BT
			""";

	@Test
	void aWellFormedMessageIsReadWithItsWholeHeaderAndText() throws Exception {
		FormalMessage m = FormalMessage.parse(GOOD.replace("FM USS EXAMPLE\n", ""));

		assertThat(m.classification()).isEqualTo("UNCLASSIFIED");
		assertThat(m.dateTimeGroup()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
		assertThat(m.from()).isEqualTo("USS EXAMPLE (DDG 999)");
		assertThat(m.to()).containsExactly("NAVY 311 CENTER NORFOLK VA");
		assertThat(m.info()).containsExactly("COMNAVSURFLANT NORFOLK VA", "NAVSEA WASHINGTON DC");
		assertThat(m.subject()).isEqualTo("GPS RECEIVER FAILS AFTER SOFTWARE LOAD 4.2");
		assertThat(m.body()).startsWith("1. AFTER LOADING").endsWith("REQUEST ASSISTANCE.");
		assertThat(m.headerSummary()).contains("DTG: 231200Z NOV 26").contains("INFO: NAVSEA WASHINGTON DC");
	}

	@Test
	void theLabelledDateTimeGroupAndCarriageReturnsAreReadToo() throws Exception {
		FormalMessage m = FormalMessage.parse("UNCLAS\r\nDTG: 010930Z JAN 27\r\nFM: CNSL\r\nTO: HELP DESK\r\n"
				+ "SUBJ: TEST\r\n\r\nTEXT\r\n");
		assertThat(m.dateTimeGroup()).isEqualTo(Instant.parse("2027-01-01T09:30:00Z"));
		assertThat(m.from()).isEqualTo("CNSL");
	}

	@Test
	void badMessagesAreRefusedNamingTheLine() {
		assertThatThrownBy(() -> FormalMessage.parse(GOOD.replace("FM USS EXAMPLE\n", "")
			.replace("UNCLASSIFIED", "SECRET"))).hasMessage("line 1: classified traffic (SECRET) is not accepted on this channel");
		assertThatThrownBy(() -> FormalMessage.parse("HELLO\nFROM: X\n")).hasMessageStartingWith("line 1: the first line must be the classification");
		assertThatThrownBy(() -> FormalMessage.parse(GOOD)).hasMessage("line 3: expected DTG:, FROM:, TO:, INFO: or SUBJ:, found 'FM USS EXAMPLE'");
		assertThatThrownBy(() -> FormalMessage.parse(GOOD.replace("FM USS EXAMPLE\n", "").replace("231200Z NOV 26", "321200Z NOV 26")))
			.hasMessage("line 2: 'R 321200Z NOV 26' is not a date and time");
		assertThatThrownBy(() -> FormalMessage.parse("UNCLASSIFIED\nDTG: 231200Z NOV 26\nFROM: A\nSUBJ: B\n\nTEXT"))
			.hasMessage("line 5: the header has no action addressee (TO:)");
		assertThatThrownBy(() -> FormalMessage.parse("UNCLASSIFIED\nDTG: 231200Z NOV 26\nFROM: A\nTO: C\nSUBJ: B\n\nBT\n"))
			.hasMessageEndingWith("the message has no text after the header");
		assertThatThrownBy(() -> FormalMessage.parse("UNCLASSIFIED\nDTG: 231200Z NOV 26\nFROM: A\nFROM: B\n"))
			.hasMessage("line 4: a message has one originator (FROM)");
		assertThatThrownBy(() -> FormalMessage.parse("   \n")).hasMessage("line 1: the message is empty");
	}
}
