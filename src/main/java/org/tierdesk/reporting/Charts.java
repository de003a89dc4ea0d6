package org.tierdesk.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts, as plain geometry the page draws: a line chart of several series over the same periods and a
 * heat map of the hours of the week. No script, no library: the numbers stay in a table one click away.
 */
public final class Charts {

	public static final int WIDTH = 720;

	public static final int HEIGHT = 220;

	static final int LEFT = 40;

	static final int BOTTOM = 24;

	/** One line: its name, CSS class, SVG points, and the last value for the legend. */
	public record Line(String name, String css, String points, long last) {
	}

	public record LineChart(List<Line> lines, List<Label> xLabels, List<Label> yLabels, long max) {
	}

	public record Label(double x, double y, String text) {
	}

	/** A cell of the week: its position, colour class and title. */
	public record Cell(double x, double y, String css, String title) {
	}

	public record HeatMap(List<Cell> cells, List<Label> rows, List<Label> columns) {
	}

	private Charts() {
	}

	/** Lines over {@code labels.size()} periods; {@code series[i][p]} is series i's value in period p. */
	public static LineChart lines(List<String> labels, List<String> names, List<String> css, List<long[]> series) {
		long max = 1;
		for (long[] s : series) {
			for (long v : s) {
				max = Math.max(max, v);
			}
		}
		int n = Math.max(1, labels.size() - 1);
		double plotW = WIDTH - LEFT - 10;
		double plotH = HEIGHT - BOTTOM - 10;
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			StringBuilder points = new StringBuilder();
			long[] s = series.get(i);
			for (int p = 0; p < s.length; p++) {
				double x = LEFT + plotW * p / n;
				double y = 10 + plotH * (1 - (double) s[p] / max);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			}
			lines.add(new Line(names.get(i), css.get(i), points.toString().strip(), s.length == 0 ? 0 : s[s.length - 1]));
		}
		List<Label> xs = new ArrayList<>();
		int step = Math.max(1, labels.size() / 8);
		for (int p = 0; p < labels.size(); p += step) {
			xs.add(new Label(LEFT + plotW * p / n, HEIGHT - 6, labels.get(p)));
		}
		List<Label> ys = List.of(new Label(LEFT - 4, 14, String.valueOf(max)),
				new Label(LEFT - 4, 10 + plotH / 2, String.valueOf(max / 2)), new Label(LEFT - 4, 10 + plotH, "0"));
		return new LineChart(lines, xs, ys, max);
	}

	/** The 7 × 24 hours of the week, each coloured by {@code level(day, hour)} (0 none … 3 most). */
	public static HeatMap week(int[][] level, String[][] titles, List<String> dayNames) {
		List<Cell> cells = new ArrayList<>();
		double cw = (WIDTH - LEFT - 10) / 24.0;
		double ch = (HEIGHT - BOTTOM - 10) / 7.0;
		for (int d = 0; d < 7; d++) {
			for (int h = 0; h < 24; h++) {
				cells.add(new Cell(LEFT + h * cw, 10 + d * ch, "heat-" + level[d][h], titles[d][h]));
			}
		}
		List<Label> rows = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			rows.add(new Label(LEFT - 4, 10 + d * ch + ch * 0.7, dayNames.get(d)));
		}
		List<Label> columns = new ArrayList<>();
		for (int h = 0; h < 24; h += 3) {
			columns.add(new Label(LEFT + h * cw + cw / 2, HEIGHT - 6, String.format(Locale.ROOT, "%02d", h)));
		}
		return new HeatMap(cells, rows, columns);
	}

	public static double cellWidth() {
		return (WIDTH - LEFT - 10) / 24.0;
	}

	public static double cellHeight() {
		return (HEIGHT - BOTTOM - 10) / 7.0;
	}
}
