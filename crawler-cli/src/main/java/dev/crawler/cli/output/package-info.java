/** Reading a finished crawl's {@code index.jsonl} back, for the summary and the demo's check. */
package dev.crawler.cli.output;
