package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The scanner against jsoup on real documentation trees: on every page, the same links in the
 * same order, the same base, the same meta robots, and through {@link LinkExtractor} the same
 * {@link ExtractedPage} (links resolved, charset) as the jsoup DOM path. Every page of both trees
 * (530 and about 10,000 pages): about 20 s, most of it jsoup. Pages the
 * scanner hands to jsoup are counted, and must stay rare, or the comparison would prove little.
 */
class LinkScannerCorpusTest {

    @Test
    void agreesWithJsoupOnEveryPythonDocsPage() {
        compare(HtmlCorpus.PYTHON_DOCS, 1);
    }

    @Test
    void agreesWithJsoupOnTheJdkApiDocs() {
        compare(HtmlCorpus.JDK_API_DOCS, 1);
    }

    private static void compare(HtmlCorpus corpus, int every) {
        List<Path> pages = corpus.pages();
        List<String> fellBack = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < pages.size(); i += every) {
            Path page = pages.get(i);
            byte[] body = HtmlCorpus.read(page);
            String url = "http://docs.sim/" + corpus.root().relativize(page);
            DecodedPage decoded = DecodedPage.of(body, "text/html");
            Optional<MarkupLinks> scanned = LinkScanner.scan(decoded.text());
            MarkupLinks dom = DomLinks.of(Jsoup.parse(decoded.text(), ""));
            if (scanned.isEmpty()) {
                fellBack.add(page.toString());
            } else if (!scanned.get().equals(dom)) {
                differ.add(page + "\n  scanner: " + scanned.get() + "\n  jsoup:   " + dom);
            }
            ExtractedPage fast = LinkExtractor.extract(body, "text/html", url);
            // what LinkExtractor.Reference.extract gives, without parsing the page with jsoup again
            ExtractedPage reference = LinkExtractor.resolve(dom, decoded.charset(), url);
            if (!fast.equals(reference)) {
                differ.add(page + " (extracted)\n  scanner: " + fast + "\n  jsoup:   " + reference);
            }
            compared++;
        }
        System.out.printf("%s: %d pages compared, %d handed to jsoup %s%n", corpus.root(), compared, fellBack.size(),
                fellBack.stream().limit(5).toList());
        assertThat(differ).as("pages where the scanner and jsoup disagree").isEmpty();
        assertThat(fellBack.size()).as("pages handed to jsoup: %s", fellBack).isLessThanOrEqualTo(compared / 100);
    }
}
