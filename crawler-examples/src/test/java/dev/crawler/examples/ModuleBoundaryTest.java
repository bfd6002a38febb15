package dev.crawler.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.Crawler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary of the module {@code dev.crawler}, as an application on the module path sees it:
 * which packages it exports, that the compiler refuses the others, and that nothing it exports
 * names a type of a package it does not. Exporting a package, or hiding one, is a change to the
 * API, and fails here until this test says so.
 */
class ModuleBoundaryTest {

    /** The API: dev.crawler and the packages whose types its signatures name. */
    static final Set<String> EXPORTED = Set.of("dev.crawler", "dev.crawler.fetch", "dev.crawler.fetch.proxy",
            "dev.crawler.filter", "dev.crawler.frontier", "dev.crawler.net", "dev.crawler.politeness");

    /** The engine: public classes (for the engine's other packages) in packages no module may read. */
    static final List<String> INTERNAL = List.of("dev.crawler.engine.CrawlParts", "dev.crawler.fetch.netty.NettyFetcher",
            "dev.crawler.fetch.http.BrotliSupport", "dev.crawler.url.UrlNormalizer", "dev.crawler.parse.LinkExtractor",
            "dev.crawler.robots.RobotsPolicy", "dev.crawler.export.IndexWriter");

    @TempDir
    Path work;

    @Test
    void theExamplesAndTheCrawlerAreNamedModules() {
        // on the class path every check below would pass vacuously (or not run at all)
        assertThat(ModuleBoundaryTest.class.getModule().getName()).isEqualTo("dev.crawler.examples");
        assertThat(crawler().getName()).isEqualTo("dev.crawler");
        assertThat(ModuleBoundaryTest.class.getModule().canRead(crawler())).isTrue();
    }

    @Test
    void exportsExactlyTheApiPackages() {
        ModuleDescriptor descriptor = crawler().getDescriptor();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.toString()).isFalse());
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .isEqualTo(EXPORTED);
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void theEnginePackagesAreInTheModuleButNotExported() {
        Module examples = ModuleBoundaryTest.class.getModule();
        for (String type : INTERNAL) {
            String pkg = type.substring(0, type.lastIndexOf('.'));
            assertThat(crawler().getPackages()).as(pkg).contains(pkg);
            assertThat(crawler().isExported(pkg, examples)).as(pkg).isFalse();
        }
        assertThat(crawler().getPackages()).containsAll(EXPORTED);
    }

    @Test
    void theCompilerRefusesAnImportOfTheEngine() throws IOException {
        StringBuilder imports = new StringBuilder();
        for (String type : INTERNAL) {
            imports.append("import ").append(type).append(";\n");
        }
        Compilation refused = compileProbe(imports.toString());

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        for (String type : INTERNAL) {
            String pkg = type.substring(0, type.lastIndexOf('.'));
            assertThat(refused.output()).contains("package " + pkg + " is declared in module dev.crawler, which does"
                    + " not export it");
        }
    }

    @Test
    void theCompilerTakesTheApi() throws IOException {
        // the control for the test above: the same probe, importing what the examples use
        Compilation taken = compileProbe("""
                import dev.crawler.CrawlConfig;
                import dev.crawler.Crawler;
                import dev.crawler.WarcSettings;
                import dev.crawler.fetch.Fetcher;
                import dev.crawler.filter.Scope;
                import dev.crawler.frontier.MemoryFrontierStore;
                import dev.crawler.net.AddressPolicy;
                import dev.crawler.politeness.PolitenessPolicy;
                """);

        assertThat(taken.exitCode()).as(taken.output()).isZero();
    }

    @Test
    void theExportedApiNamesOnlyExportedPackages() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : exportedTypes()) {
            for (var named : signatureTypes(type)) {
                Class<?> raw = named.type();
                while (raw.isArray()) {
                    raw = raw.getComponentType();
                }
                if (raw.getModule() == crawler() && !EXPORTED.contains(raw.getPackageName())) {
                    leaks.add(named.where() + " names " + raw.getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static Module crawler() {
        return Crawler.class.getModule();
    }

    private record Compilation(int exitCode, String output) {
    }

    /** Compiles a module {@code probe} that requires dev.crawler, with {@code imports} in its one class. */
    private Compilation compileProbe(String imports) throws IOException {
        Path src = Files.createDirectories(work.resolve("src").resolve("probe"));
        Files.writeString(src.resolve("module-info.java"), "module probe { requires dev.crawler; }\n");
        Files.writeString(src.resolve("Probe.java"), "package probe;\n" + imports + "class Probe {}\n");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            int code = javac.run(w, w, "-d", work.resolve("out").toString(), "--module-path", System.getProperty("jdk.module.path"), src.resolve("module-info.java").toString(),
                    src.resolve("Probe.java").toString());
            w.flush();
            return new Compilation(code, out.toString());
        }
    }

    /** Every public class of the exported packages, read from the module itself. */
    private static List<Class<?>> exportedTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        var reference = crawler().getLayer().configuration().findModule("dev.crawler").orElseThrow().reference();
        Set<String> names = new TreeSet<>();
        try (ModuleReader reader = reference.open(); Stream<String> entries = reader.list()) {
            entries.filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class"))
                    .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> EXPORTED.contains(n.substring(0, n.lastIndexOf('.'))))
                    .forEach(names::add);
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, Crawler.class.getClassLoader());
            if (isVisible(type)) {
                types.add(type);
            }
        }
        assertThat(types).contains(Crawler.class, Crawler.Builder.class);
        return types;
    }

    /** Public, or protected, and so are the classes it is nested in. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()
                    || !(Modifier.isPublic(t.getModifiers()) || Modifier.isProtected(t.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private record Named(Class<?> type, String where) {
    }

    /** The classes a type's visible declarations name: supertypes, fields, constructors, methods. */
    private static List<Named> signatureTypes(Class<?> type) {
        Signatures named = new Signatures();
        String t = type.getName();
        named.add(type.getGenericSuperclass(), t + " extends");
        for (Type i : type.getGenericInterfaces()) {
            named.add(i, t + " implements");
        }
        for (TypeVariable<?> v : type.getTypeParameters()) {
            named.add(v, t + "<" + v.getName() + ">");
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                named.add(f.getGenericType(), t + "." + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                for (Type p : c.getGenericParameterTypes()) {
                    named.add(p, t + "(...)");
                }
                for (Type e : c.getGenericExceptionTypes()) {
                    named.add(e, t + "(...) throws");
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                String where = t + "." + m.getName() + "(...)";
                named.add(m.getGenericReturnType(), where);
                for (Type p : m.getGenericParameterTypes()) {
                    named.add(p, where);
                }
                for (Type e : m.getGenericExceptionTypes()) {
                    named.add(e, where + " throws");
                }
                for (TypeVariable<?> v : m.getTypeParameters()) {
                    named.add(v, where);
                }
            }
        }
        return named.found;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Collects the classes a generic type is made of. */
    private static final class Signatures {
        final List<Named> found = new ArrayList<>();
        /** Type variables whose bounds were read: a bound may name its own variable (T extends Comparable<T>). */
        private final Set<TypeVariable<?>> read = new HashSet<>();

        void add(Type type, String where) {
            switch (type) {
                case null -> {
                }
                case Class<?> c -> found.add(new Named(c, where));
                case ParameterizedType p -> {
                    add(p.getRawType(), where);
                    add(p.getOwnerType(), where);
                    for (Type a : p.getActualTypeArguments()) {
                        add(a, where);
                    }
                }
                case GenericArrayType g -> add(g.getGenericComponentType(), where);
                case WildcardType w -> {
                    for (Type b : w.getUpperBounds()) {
                        add(b, where);
                    }
                    for (Type b : w.getLowerBounds()) {
                        add(b, where);
                    }
                }
                case TypeVariable<?> v -> {
                    if (read.add(v)) {
                        for (Type b : v.getBounds()) {
                            add(b, where);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown kind of type: " + type);
            }
        }
    }
}
