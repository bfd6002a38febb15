package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a request target maps to a file of the tree, a redirect or a refusal, without a server. */
class StaticSiteTest {

    @TempDir
    Path tmp;
    Path root;
    StaticSite site;

    @BeforeEach
    void tree() throws Exception {
        root = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<a href=docs/>docs</a>");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "docs");
        Files.writeString(root.resolve("docs/page.html"), "page");
        Files.writeString(root.resolve("with space.html"), "space");
        Files.writeString(root.resolve("café.html"), "accent", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/index.html"), "outside");
        Files.createSymbolicLink(root.resolve("link-out.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir-out"), tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link-in.html"), root.resolve("docs/page.html"));
        site = StaticSite.of(root);
    }

    @Test
    void aFileIsServedWithItsLengthAndType() throws Exception {
        assertThat(site.resolve("/docs/page.html")).isEqualTo(
                new StaticSite.FileAnswer(root.resolve("docs/page.html").toRealPath(), 4, "text/html; charset=utf-8"));
        assertThat(site.resolve("/docs/page.html?x=1#y")).isInstanceOf(StaticSite.FileAnswer.class);
        assertThat(site.resolve("http://static.sim:8080/docs/page.html")).isInstanceOf(StaticSite.FileAnswer.class);
    }

    @Test
    void aDirectoryWithASlashServesItsIndex() throws Exception {
        assertThat(file("/")).isEqualTo(root.resolve("index.html").toRealPath());
        assertThat(file("/docs/")).isEqualTo(root.resolve("docs/index.html").toRealPath());
    }

    @Test
    void aDirectoryWithoutTheSlashIsRedirectedKeepingTheQuery() {
        assertThat(site.resolve("/docs")).isEqualTo(new StaticSite.Redirect("/docs/"));
        assertThat(site.resolve("/docs?a=b")).isEqualTo(new StaticSite.Redirect("/docs/?a=b"));
    }

    @Test
    void aDirectoryWithoutAnIndexIsNotFoundNotListed() {
        assertThat(site.resolve("/empty/")).isEqualTo(new StaticSite.Refused(404, "not found"));
    }

    @Test
    void missingFilesAreNotFound() {
        assertThat(site.resolve("/nothing.html")).extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(404);
        assertThat(site.resolve("/docs/page.html/")).extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(404);
    }

    @Test
    void pathsArePercentDecoded() throws Exception {
        assertThat(file("/with%20space.html")).isEqualTo(root.resolve("with space.html").toRealPath());
        assertThat(file("/caf%C3%A9.html")).isEqualTo(root.resolve("café.html").toRealPath());
        assertThat(file("/d%6Fcs/page%2Ehtml")).isEqualTo(root.resolve("docs/page.html").toRealPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/docs/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/docs/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/docs/..", "/./index.html", "/docs/.", "//etc/passwd",
        "/%2fetc/passwd", "/a%00b", "/a%zz", "/a%4", "/a%", "/docs\\..\\..\\secret.txt", "/%5c..%5csecret.txt",
        "../secret.txt", "secret.txt", ""})
    void pathsThatCannotNameAFileUnderTheRootAreBadRequests(String target) {
        assertThat(site.resolve(target)).isInstanceOf(StaticSite.Refused.class)
                .extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(400);
    }

    @Test
    void symbolicLinksOutOfTheTreeAreForbiddenAndThoseInsideServed() throws Exception {
        assertThat(site.resolve("/link-out.txt")).extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(403);
        assertThat(site.resolve("/dir-out/")).extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(403);
        assertThat(site.resolve("/dir-out/index.html")).extracting(a -> ((StaticSite.Refused) a).status()).isEqualTo(403);
        assertThat(file("/link-in.html")).isEqualTo(root.resolve("docs/page.html").toRealPath());
    }

    @Test
    void contentTypesComeFromTheExtension() {
        assertThat(ContentTypes.of("a.HTML")).isEqualTo("text/html; charset=utf-8");
        assertThat(ContentTypes.of("a.css")).startsWith("text/css");
        assertThat(ContentTypes.of("a.js")).startsWith("text/javascript");
        assertThat(ContentTypes.of("a.png")).isEqualTo("image/png");
        assertThat(ContentTypes.of("a.svg")).isEqualTo("image/svg+xml");
        assertThat(ContentTypes.of("a.txt")).startsWith("text/plain");
        assertThat(ContentTypes.of("a.json")).isEqualTo("application/json");
        assertThat(ContentTypes.of("a.xml")).isEqualTo("application/xml");
        assertThat(ContentTypes.of("objects.inv")).isEqualTo(ContentTypes.UNKNOWN);
        assertThat(ContentTypes.of("README")).isEqualTo(ContentTypes.UNKNOWN);
        assertThat(ContentTypes.of("a.")).isEqualTo(ContentTypes.UNKNOWN);
    }

    @Test
    void theRootMustBeADirectory() {
        assertThatThrownBy(() -> StaticSite.of(tmp.resolve("missing"))).hasMessageContaining("not a readable directory");
        assertThatThrownBy(() -> StaticSite.of(tmp.resolve("secret.txt"))).hasMessageContaining("not a readable directory");
    }

    private Path file(String target) {
        StaticSite.Answer a = site.resolve(target);
        assertThat(a).as(target).isInstanceOf(StaticSite.FileAnswer.class);
        return ((StaticSite.FileAnswer) a).file();
    }
}
