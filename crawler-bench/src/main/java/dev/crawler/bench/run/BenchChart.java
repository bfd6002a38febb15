package dev.crawler.bench.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The bench's PNG (JFreeChart, drawn headless), three panels: pages per second of each mode (failed
 * modes are left out, so they cannot pass for a rate), the crawler's CPU milliseconds per page, and
 * pages done over time of each run. In rounds, a bar is the median of the mode's runs
 * ({@link ModeSummary}) and each run has its own curve. In a concurrency sweep the bars are
 * grouped by concurrency and the curves are those of the highest level.
 */
final class BenchChart {

    static final int WIDTH = 1200;
    static final int HEIGHT = 1500;
    /** The one series of a chart that is not a sweep. */
    private static final String SINGLE = "runs";

    private BenchChart() {
    }

    static void write(BenchReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int third = HEIGHT / 3;
            rates(report).draw(g, new Rectangle2D.Double(0, 0, WIDTH, third));
            cpu(report).draw(g, new Rectangle2D.Double(0, third, WIDTH, third));
            progress(report).draw(g, new Rectangle2D.Double(0, 2 * third, WIDTH, HEIGHT - 2 * third));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    private static String title(BenchReport report) {
        BenchPlan p = report.plan();
        return "crawler bench " + p.preset().label() + ": " + p.web().hosts() + (p.web().hosts() == 1 ? " host x " : " hosts x ")
                + p.web().pagesPerHost()
                + " pages, " + p.web().latency().toMillis() + " ms latency (" + report.machine().cores() + " cores, "
                + report.machine().date().substring(0, 10) + ")";
    }

    private static JFreeChart rates(BenchReport report) {
        DefaultCategoryDataset data = values(report, ModeSummary::pagesPerSecond);
        boolean sweep = report.plan().sweep();
        report.wrk().filter(WrkResult::ran).ifPresent(w -> data.addValue(w.requestsPerSecond(),
                sweep ? "wrk" : SINGLE, "wrk (requests/s)"));
        report.wget2().stream().filter(Wget2Result::counts).forEach(w -> data.addValue(w.pagesPerSecond(),
                sweep ? "wget2" : SINGLE, sweep ? "concurrency " + w.threads() : "wget2"));
        return bars(title(report), "pages per second (higher is better" + medians(report) + ")", data, sweep,
                new Color(0x33, 0x66, 0x99));
    }

    private static JFreeChart cpu(BenchReport report) {
        return bars("crawler CPU time per page (user + system, whole process)", "CPU ms per page (lower is better"
                + medians(report) + ")", values(report, ModeSummary::cpuMillisPerPage), report.plan().sweep(),
                new Color(0xB0, 0x50, 0x30));
    }

    private static String medians(BenchReport report) {
        return report.inRounds() ? "; median of " + report.plan().rounds() + " rounds" : "";
    }

    /**
     * One value per mode that counts (its run, or the median of its rounds): by mode, or in a sweep
     * by concurrency level with one series per mode.
     */
    private static DefaultCategoryDataset values(BenchReport report, ToDoubleFunction<ModeSummary> value) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean sweep = report.plan().sweep();
        for (ModeSummary r : report.summaries()) {
            if (r.counts()) {
                data.addValue(value.applyAsDouble(r), sweep ? r.mode().label() : SINGLE,
                        sweep ? "concurrency " + r.concurrency() : r.mode().label());
            }
        }
        return data;
    }

    private static JFreeChart bars(String title, String axis, DefaultCategoryDataset data, boolean sweep, Color color) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, sweep,
                false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDefaultItemLabelGenerator(new RoundedLabels());
        bars.setDefaultItemLabelsVisible(true);
        if (!sweep) {
            bars.setSeriesPaint(0, color);
        }
        CategoryAxis categories = plot.getDomainAxis();
        categories.setCategoryLabelPositions(sweep ? CategoryLabelPositions.STANDARD : CategoryLabelPositions.UP_45);
        return chart;
    }

    private static JFreeChart progress(BenchReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        int shown = report.plan().sweep()
                ? report.runs().stream().map(RunResult::concurrency).max(Comparator.naturalOrder()).orElse(0)
                : -1;
        List<RunResult> runs = report.runs().stream()
                .filter(r -> shown < 0 || r.concurrency() == shown).toList();
        for (RunResult r : runs) {
            XYSeries s = new XYSeries(r.mode().label() + (report.inRounds() ? " round " + r.round() : "")
                    + (r.counts() ? "" : " (" + r.verdict().status().label() + ")"), false, true);
            r.m().series().forEach(p -> s.add(p.seconds(), p.pages()));
            data.addSeries(s);
        }
        String title = "pages done over time" + (shown > 0 ? " at concurrency " + shown : "")
                + " (each run in its own JVM; budget " + report.plan().budget().toSeconds() + " s)";
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since the crawl started", "pages done",
                data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setDefaultStroke(new BasicStroke(2f));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        return chart;
    }

    /** Bar labels rounded as in the table: 1,349 and 1.05. */
    private static final class RoundedLabels extends StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number v = dataset.getValue(row, column);
            return v == null ? "" : v.doubleValue() >= 1000
                    ? new DecimalFormat("#,##0").format(v.doubleValue()) : ResultTable.num(v.doubleValue());
        }
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getPlot().setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
    }
}
