/**
 * The HTTP/1.1 client pieces every engine shares, so that all of them send the same bytes, accept
 * and refuse the same responses, and word their failures the same way. Not API: public only where
 * an engine package needs it.
 * <ul>
 *   <li>The request: {@link dev.crawler.fetch.http.RequestTarget} (a URI taken apart: scheme, host,
 *       port, target, Host header) and {@link dev.crawler.fetch.http.RequestHead} (the GET line and
 *       headers, built in one place).</li>
 *   <li>The response head: {@link dev.crawler.fetch.http.HttpHead} (status line and headers read
 *       from a stream with the limits Netty's codec applies) and
 *       {@link dev.crawler.fetch.http.StatusLineStart} (a response opens like an HTTP/1.x status
 *       line, or is refused at once; the Netty engine checks its raw bytes with it).</li>
 *   <li>The body: {@link dev.crawler.fetch.http.BodyFraming} (none, chunked, Content-Length, until
 *       close), read as a stream by the blocking engine ({@link dev.crawler.fetch.http.ChunkedInputStream},
 *       {@link dev.crawler.fetch.http.BulkInputStream}), or pushed as it arrives into
 *       {@link dev.crawler.fetch.http.PushResponseReader} and
 *       {@link dev.crawler.fetch.http.PushChunkedBody} by the busy-poll engine (the Netty engine has
 *       Netty's codec).</li>
 *   <li>Content codings: the push decoders of {@link dev.crawler.fetch.http.CodingDecoder} (gzip and
 *       deflate in {@link dev.crawler.fetch.http.InflatingDecoder}, brotli in
 *       {@link dev.crawler.fetch.http.BrotliCodingDecoder} where
 *       {@link dev.crawler.fetch.http.BrotliSupport} loaded it), fed by the Netty engine, pulled
 *       through {@link dev.crawler.fetch.http.ContentDecoding} and
 *       {@link dev.crawler.fetch.http.DecodingInputStream} by the others, only as far as
 *       {@link dev.crawler.fetch.http.BodyAccumulator}, the capped body, has room.</li>
 *   <li>Limits and outcome: {@link dev.crawler.fetch.http.TransferRate} (the minimum rate, judged
 *       over each window), {@link dev.crawler.fetch.http.Stopwatch} (start time and the result
 *       values), {@link dev.crawler.fetch.http.FetchException} (an expected failure on its way to a
 *       {@link dev.crawler.fetch.FetchResult.Failure}) and {@link dev.crawler.fetch.http.Messages}
 *       (the failure wording).</li>
 * </ul>
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.fetch.http;
