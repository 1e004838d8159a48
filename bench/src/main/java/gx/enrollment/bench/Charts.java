package gx.enrollment.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two PNG charts of a run (headless AWT). */
final class Charts {

  private Charts() {}

  /** Latencies span 20 ms to 10 s: a log scale keeps the floor and the gateway both readable. */
  private static LogAxis logAxis() {
    LogAxis axis = new LogAxis("ms (log scale)");
    axis.setBase(10);
    axis.setSmallestValue(1);
    axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
    return axis;
  }

  static void write(List<Bench.Row> rows, Path bars, Path byRate) {
    System.setProperty("java.awt.headless", "true");
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Bench.Row r : rows) {
      String category = r.scenario() + " @" + r.rate();
      dataset.addValue(r.p50(), "p50", category);
      dataset.addValue(r.p90(), "p90", category);
      dataset.addValue(r.p99(), "p99", category);
    }
    JFreeChart bar =
        ChartFactory.createBarChart(
            "Latency p50/p90/p99 per scenario (open model; offered req/s after @)",
            null,
            "ms",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    bar.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    bar.getCategoryPlot().setRangeAxis(logAxis());
    bar.setBackgroundPaint(Color.WHITE);

    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (Bench.Row r : rows) {
      if (r.scenario().equals("a-stub-real-estate") || r.scenario().startsWith("c-")) {
        series.computeIfAbsent(r.scenario() + " p50", XYSeries::new).add(r.rate(), r.p50());
        series.computeIfAbsent(r.scenario() + " p99", XYSeries::new).add(r.rate(), r.p99());
      }
    }
    XYSeriesCollection xy = new XYSeriesCollection();
    series.values().forEach(xy::addSeries);
    JFreeChart lines =
        ChartFactory.createXYLineChart(
            "Latency vs offered rate: gateway vs slowest stub direct",
            "offered req/s",
            "ms",
            xy,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    lines.getXYPlot().setRangeAxis(logAxis());
    lines.setBackgroundPaint(Color.WHITE);
    try {
      ChartUtils.saveChartAsPNG(bars.toFile(), bar, Math.max(900, rows.size() * 60), 600);
      ChartUtils.saveChartAsPNG(byRate.toFile(), lines, 900, 550);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
