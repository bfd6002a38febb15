package dev.crawler.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlConfig;

/** Compares two crawl configurations setting by setting. */
public final class SameSettings {

    private SameSettings() {
    }

    /** Equal in every setting (the filter and the address policy compare by their contents). */
    public static void assertSameSettings(CrawlConfig a, CrawlConfig b) {
        assertThat(a.outDir()).isEqualTo(b.outDir());
        assertThat(a.mode()).isEqualTo(b.mode());
        assertThat(a.transport()).isEqualTo(b.transport());
        assertThat(a.threads()).isEqualTo(b.threads());
        assertThat(a.scope()).isEqualTo(b.scope());
        assertThat(a.maxDepth()).isEqualTo(b.maxDepth());
        assertThat(a.maxPages()).isEqualTo(b.maxPages());
        assertThat(a.limits()).isEqualTo(b.limits());
        assertThat(a.filter().include()).hasSameSizeAs(b.filter().include());
        assertThat(a.filter().exclude()).hasSameSizeAs(b.filter().exclude());
        assertThat(a.politeness()).isEqualTo(b.politeness());
        assertThat(a.concurrency()).isEqualTo(b.concurrency());
        assertThat(a.respectRobots()).isEqualTo(b.respectRobots());
        assertThat(a.robotsAgent()).isEqualTo(b.robotsAgent());
        assertThat(a.fetch().userAgent()).isEqualTo(b.fetch().userAgent());
        assertThat(a.fetch().connectTimeout()).isEqualTo(b.fetch().connectTimeout());
        assertThat(a.fetch().firstByteTimeout()).isEqualTo(b.fetch().firstByteTimeout());
        assertThat(a.fetch().responseTimeout()).isEqualTo(b.fetch().responseTimeout());
        assertThat(a.fetch().maxBodyBytes()).isEqualTo(b.fetch().maxBodyBytes());
        assertThat(a.fetch().maxHeaderBytes()).isEqualTo(b.fetch().maxHeaderBytes());
        assertThat(a.fetch().keepAlive()).isEqualTo(b.fetch().keepAlive());
        assertThat(a.fetch().addressPolicy().allowedRanges()).isEqualTo(b.fetch().addressPolicy().allowedRanges());
        assertThat(a.fetch().overrides()).isEqualTo(b.fetch().overrides());
        assertThat(a.fetch().minTransferRate()).isEqualTo(b.fetch().minTransferRate());
        assertThat(a.fetch().transferRateWindow()).isEqualTo(b.fetch().transferRateWindow());
        assertThat(a.fetch().reuseSettle()).isEqualTo(b.fetch().reuseSettle());
        assertThat(a.fetch().trustedCertificates()).isEqualTo(b.fetch().trustedCertificates());
        assertThat(a.retry()).isEqualTo(b.retry());
        assertThat(a.traps()).isEqualTo(b.traps());
        assertThat(a.sitemaps()).isEqualTo(b.sitemaps());
    }
}
