package org.tierdesk.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A program's office hours, holidays and after-hours emergency coverage, as stored. */
@Entity
@Table(name = "directory_coverage")
class ProgramCoverage {

	@Id
	private Long programId;

	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	private AfterHours afterHours;

	/** Comma-separated priorities that reach the on-call person after hours; empty: all. */
	private String emergencyPriorities;

	private String notes;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "directory_coverage_hours", joinColumns = @JoinColumn(name = "program_id"))
	@OrderColumn(name = "position")
	private List<Hours> hours = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "directory_coverage_holiday", joinColumns = @JoinColumn(name = "program_id"))
	@OrderColumn(name = "position")
	private List<Holiday> holidays = new ArrayList<>();

	@Embeddable
	record Hours(@Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek day,
			@Column(name = "start_time") LocalTime start, @Column(name = "end_time") LocalTime end) {
	}

	/** A holiday on one date, or every year on a month and day ({@code --12-25}). */
	@Embeddable
	record Holiday(@Column(name = "holiday_date") LocalDate date, @Column(name = "yearly") String yearly,
			@Column(name = "holiday_name") String name) {
	}

	protected ProgramCoverage() {
	}

	ProgramCoverage(long programId) {
		this.programId = programId;
	}

	String define(AfterHours afterHours, List<String> emergencyPriorities, String notes, List<Hours> hours,
			List<Holiday> holidays) {
		String before = describe();
		this.afterHours = afterHours;
		this.emergencyPriorities = String.join(",", emergencyPriorities);
		this.notes = notes;
		this.hours.clear();
		this.hours.addAll(hours);
		this.holidays.clear();
		this.holidays.addAll(holidays);
		return before.equals(describe()) ? null : before;
	}

	String describe() {
		if (afterHours == null) {
			return "";
		}
		return afterHours + ", emergency " + emergencyPriorities + ", hours " + hours.stream()
			.map(h -> h.day() + " " + h.start() + "-" + h.end()).toList() + ", holidays "
				+ holidays.stream().map(h -> h.date() != null ? h.date().toString() : h.yearly()).toList()
				+ (notes == null ? "" : ", notes " + notes);
	}

	OfficeHours officeHours(ZoneId zone) {
		if (afterHours == AfterHours.DESK_24X7) {
			return OfficeHours.always(zone);
		}
		Map<DayOfWeek, List<OfficeHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (Hours h : hours) {
			week.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(new OfficeHours.Interval(h.start(), h.end()));
		}
		Set<LocalDate> dated = new HashSet<>();
		Set<MonthDay> yearly = new HashSet<>();
		for (Holiday h : holidays) {
			if (h.date() != null) {
				dated.add(h.date());
			}
			else {
				yearly.add(MonthDay.parse(h.yearly()));
			}
		}
		return new OfficeHours(zone, week, dated, yearly, false);
	}

	AfterHours afterHours() {
		return afterHours;
	}

	List<String> emergencyPriorities() {
		return emergencyPriorities == null || emergencyPriorities.isBlank() ? List.of()
				: List.of(emergencyPriorities.split(","));
	}

	String notes() {
		return notes;
	}

	List<Hours> hours() {
		return List.copyOf(hours);
	}

	List<Holiday> holidays() {
		return List.copyOf(holidays);
	}
}
