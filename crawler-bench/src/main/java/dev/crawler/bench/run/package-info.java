/**
 * {@code crawler bench}: the I/O models of the crawler compared on the simulated web, with
 * numbers anyone can rerun.
 *
 * <p>A {@link dev.crawler.bench.run.Preset} gives a {@link dev.crawler.bench.run.BenchPlan} (the
 * web, the crawl settings every mode shares, the modes, the concurrency levels, the time budget).
 * {@link dev.crawler.bench.run.Bench} runs it: the simulated web in a process of its own
 * ({@code SimProcess}, serving {@link dev.crawler.sim.SimMain}), then each run in a fresh crawler
 * JVM ({@code CrawlerJvm} starting {@link dev.crawler.bench.run.RunMain}), so that CPU time, heap,
 * resident memory and threads are the crawler's alone and no run warms up the next. The crawler
 * JVM measures itself ({@code ProcessGauges}, {@code RunSampler}) and writes a
 * {@link dev.crawler.bench.run.RunMeasurement}; the bench reads its index back and judges it
 * against the ground truth ({@link dev.crawler.bench.run.RunVerdict}): a run that missed or
 * repeated pages is FAILED and never shown as a rate. wrk ({@code WrkProbe}) measures the same
 * server where the preset asks and wrk is installed. The {@link dev.crawler.bench.run.BenchReport}
 * becomes a table, CSV, JSON, Markdown and a JFreeChart PNG ({@code BenchOutput}), with the
 * issue's {@code Targets} checked.
 */
package dev.crawler.bench.run;
