package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For crawl tests: installs {@link BlockingGuard} before the class, and fails a test during which
 * a blocking call was caught on an event loop, even if the crawl caught the error BlockHound threw
 * there and went on (a fetch failing with it is retried; a callback's error is kept in its future).
 */
public final class NoBlockingOnEventLoops implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoBlockingOnEventLoops.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        BlockingGuard.install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("mark", BlockingGuard.violations().size());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        int mark = context.getStore(NAMESPACE).get("mark", Integer.class);
        var all = BlockingGuard.violations();
        assertThat(all.subList(mark, all.size())).as("blocking calls caught on event loops during this test").isEmpty();
    }
}
