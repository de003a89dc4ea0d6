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

	/** Room right of the plot for the last period's label. */
	static final int RIGHT = 28;

	/** One line: its name, CSS class, SVG points, and the last value for the legend. */
	public record Line(String name, String css, String points, long last, List<Label> dots) {
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
		double plotW = WIDTH - LEFT - RIGHT;
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
			lines.add(new Line(names.get(i), css.get(i), points.toString().strip(), s.length == 0 ? 0 : s[s.length - 1],
					List.of()));
		}
		List<Label> ys = max >= 2
				? List.of(new Label(LEFT - 4, 14, String.valueOf(max)),
						new Label(LEFT - 4, 10 + plotH / 2, half(max)), new Label(LEFT - 4, 10 + plotH, "0"))
				: List.of(new Label(LEFT - 4, 14, String.valueOf(max)), new Label(LEFT - 4, 10 + plotH, "0"));
		return new LineChart(lines, xLabels(labels, n, plotW), ys, max);
	}

	/** At most seven period labels along the bottom, evenly spaced, always the last one. */
	private static List<Label> xLabels(List<String> labels, int n, double plotW) {
		List<Label> xs = new ArrayList<>();
		int step = Math.max(1, (int) Math.ceil(labels.size() / 7.0));
		for (int p = labels.size() - 1; p >= 0; p -= step) {
			xs.add(0, new Label(LEFT + plotW * p / n, HEIGHT - 6, labels.get(p)));
		}
		return xs;
	}

	private static String half(long max) {
		return max % 2 == 0 ? String.valueOf(max / 2) : String.format(Locale.ROOT, "%.1f", max / 2.0);
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

	/** Shares (0..1, null where nothing was measured) as percentage lines on a fixed 0–100 % scale. */
	public static LineChart shares(List<String> labels, List<String> names, List<String> css, List<Double[]> series) {
		int n = Math.max(1, labels.size() - 1);
		double plotW = WIDTH - LEFT - RIGHT;
		double plotH = HEIGHT - BOTTOM - 10;
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			StringBuilder points = new StringBuilder();
			Double[] s = series.get(i);
			List<Label> dots = new ArrayList<>();
			Double last = null;
			for (int p = 0; p < s.length; p++) {
				if (s[p] == null) {
					continue;
				}
				last = s[p];
				double x = LEFT + plotW * p / n;
				double y = 10 + plotH * (1 - s[p]);
				dots.add(new Label(x, y, labels.get(p) + ": " + Math.round(s[p] * 1000) / 10.0 + "%"));
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			}
			lines.add(new Line(names.get(i), css.get(i), points.toString().strip(),
					last == null ? -1 : Math.round(last * 100), dots));
		}
		List<Label> xs = xLabels(labels, n, plotW);
		List<Label> ys = List.of(new Label(LEFT - 4, 14, "100%"), new Label(LEFT - 4, 10 + plotH / 2, "50%"),
				new Label(LEFT - 4, 10 + plotH, "0%"));
		return new LineChart(lines, xs, ys, 100);
	}

	/** One bar: its box, the label under it and the value over it. */
	public record Bar(double x, double y, double width, double height, String label, long value, double labelX) {
	}

	/** Vertical bars, one per label. */
	public static List<Bar> bars(List<String> labels, long[] values) {
		long max = 1;
		for (long v : values) {
			max = Math.max(max, v);
		}
		double plotW = WIDTH - LEFT - 10;
		double plotH = HEIGHT - BOTTOM - 24;
		double slot = plotW / Math.max(1, labels.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			double h = plotH * values[i] / max;
			double x = LEFT + i * slot + slot * 0.15;
			bars.add(new Bar(x, 24 + plotH - h, slot * 0.7, h, labels.get(i), values[i], x + slot * 0.35));
		}
		return bars;
	}

	/** A tier box of the flow chart and an arrow between two tiers, drawn as a curve whose width follows its count. */
	public record Node(double x, double y, double width, double height, String label, double labelX, double labelY) {
	}

	public record Arrow(String path, double strokeWidth, double labelX, double labelY, String label, String css) {
	}

	public record Flow(List<Node> nodes, List<Arrow> arrows) {
	}

	/** Tiers 1–4 in a row; steps up the tiers arc above, steps back arc below. */
	public static Flow flow(List<TierFlow.Step> steps, List<String> tierNames) {
		double box = 110;
		double gap = (WIDTH - 4 * box) / 5.0;
		double y = HEIGHT / 2.0 - 20;
		List<Node> nodes = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			double x = gap + t * (box + gap);
			nodes.add(new Node(x, y, box, 40, tierNames.get(t), x + box / 2, y + 25));
		}
		long max = steps.stream().mapToLong(TierFlow.Step::count).max().orElse(1);
		List<Arrow> arrows = new ArrayList<>();
		for (TierFlow.Step step : steps) {
			if (step.from() < 1 || step.from() > 4 || step.to() < 1 || step.to() > 4 || step.from() == step.to()) {
				continue;
			}
			double x1 = gap + (step.from() - 1) * (box + gap) + box / 2;
			double x2 = gap + (step.to() - 1) * (box + gap) + box / 2;
			boolean up = step.to() > step.from();
			double startY = up ? y : y + 40;
			double bend = (up ? -1 : 1) * (20 + 14 * Math.abs(step.to() - step.from()));
			double midX = (x1 + x2) / 2;
			String path = String.format(Locale.ROOT, "M %.1f %.1f Q %.1f %.1f %.1f %.1f", x1 + (up ? 10 : -10), startY,
					midX, startY + bend * 2, x2 + (up ? -10 : 10), startY);
			double width = 1.5 + 8.0 * step.count() / max;
			arrows.add(new Arrow(path, width, midX, startY + bend + (up ? -2 : 12),
					step.from() + "→" + step.to() + ": " + step.count(), up ? "flow-up" : "flow-back"));
		}
		return new Flow(nodes, arrows);
	}

	/** A small trend line of a goal's metric with its target as a dashed line (values null where not measured). */
	public record Sparkline(String points, double targetY, int width, int height, Double lastX, Double lastY) {
	}

	public static Sparkline sparkline(List<Double> values, double target) {
		int w = 160;
		int h = 40;
		double max = target;
		double min = target;
		for (Double v : values) {
			if (v != null) {
				max = Math.max(max, v);
				min = Math.min(min, v);
			}
		}
		double span = max - min == 0 ? Math.max(1e-9, Math.abs(max)) : max - min;
		int n = Math.max(1, values.size() - 1);
		StringBuilder points = new StringBuilder();
		Double lastX = null;
		Double lastY = null;
		for (int i = 0; i < values.size(); i++) {
			Double v = values.get(i);
			if (v != null) {
				lastX = 4 + (w - 8.0) * i / n;
				lastY = 4 + (h - 8.0) * (1 - (v - min) / span);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
			}
		}
		return new Sparkline(points.toString().strip(), 4 + (h - 8.0) * (1 - (target - min) / span), w, h, lastX,
				lastY);
	}
}
