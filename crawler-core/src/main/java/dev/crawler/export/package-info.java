/**
 * Export: what a crawl leaves on disk.
 *
 * <p>{@link dev.crawler.export.MirrorExporter} writes each fetched page (unless the mirror is off,
 * {@link dev.crawler.CrawlConfig#mirror()}) into a mirror tree
 * ({@code <host>[_port][_https]/<path>.html}) at the path {@link dev.crawler.export.PathMapper}
 * gives: deterministic, one file per URL, and never outside the output directory whatever the
 * URL says. {@link dev.crawler.export.IndexWriter} appends one {@link dev.crawler.export.IndexEntry}
 * per URL to {@code index.jsonl} (status, content type, length, {@link dev.crawler.export.Sha256}
 * digest, timing, depth, referrer, file or error), whole lines only;
 * {@link dev.crawler.export.IndexRecovery} trims a line torn by a crash when a crawl resumes.
 * {@link dev.crawler.export.WarcExporter}, a {@link dev.crawler.PageSink}, writes request, response
 * and metadata records into
 * gzip-per-record WARC files with jwarc, rotated at a size and repaired after a crash. A full disk
 * is an {@link dev.crawler.export.OutputException}: the crawl stops, resumable, instead of
 * recording pages as failed. All are thread-safe and called from worker threads, never from an
 * event loop.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package. A crawl asks for WARC
 * files with {@link dev.crawler.WarcSettings} in its {@link dev.crawler.CrawlConfig}.
 */
package dev.crawler.export;
