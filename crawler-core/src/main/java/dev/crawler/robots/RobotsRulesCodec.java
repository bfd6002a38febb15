package dev.crawler.robots;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The bytes of a host's robots.txt rules as parsed, and when they were obtained, so that another
 * process can use them without fetching robots.txt again: their mode, their rules in order (each
 * path prefix as crawler-commons keeps it, escaped already), the Crawl-delay, the sitemaps, and
 * where they came from. Version 1.
 */
public final class RobotsRulesCodec {

    private static final byte VERSION = 1;

    /** Rules and the time, in milliseconds since the epoch, they were obtained. */
    public record Dated(RobotsRules rules, long obtainedAtMillis) {
    }

    private RobotsRulesCodec() {
    }

    /** The bytes of {@code rules}, obtained at {@code obtainedAtMillis}; empty for rules of a kind not written. */
    public static Optional<byte[]> encode(RobotsRules rules, long obtainedAtMillis) {
        if (!(rules.rules() instanceof SimpleRobotRules simple)) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(obtainedAtMillis);
            out.writeByte(rules.source().ordinal());
            out.writeUTF(rules.detail());
            out.writeBoolean(rules.transientFailure());
            out.writeByte(simple.isAllowAll() ? 0 : simple.isAllowNone() ? 1 : 2);
            out.writeLong(simple.getCrawlDelay());
            out.writeBoolean(simple.isDeferVisits());
            out.writeInt(simple.getRobotRules().size());
            for (SimpleRobotRules.RobotRule rule : simple.getRobotRules()) {
                out.writeBoolean(rule.isAllow());
                writeLong(out, rule.getPrefix());
            }
            out.writeInt(simple.getSitemaps().size());
            for (String sitemap : simple.getSitemaps()) {
                writeLong(out, sitemap);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from memory
        }
        return Optional.of(bytes.toByteArray());
    }

    /**
     * The rules {@link #encode} made {@code bytes} of.
     *
     * @throws IllegalArgumentException if they are not such bytes
     */
    public static Dated decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown robots rules version " + bytes[0]);
            }
            long obtainedAt = in.readLong();
            RobotsRules.Source[] sources = RobotsRules.Source.values();
            int source = in.readByte();
            if (source < 0 || source >= sources.length) {
                throw new IllegalArgumentException("unknown robots rules source " + source);
            }
            String detail = in.readUTF();
            boolean transientFailure = in.readBoolean();
            int mode = in.readByte();
            SimpleRobotRules simple = new SimpleRobotRules(switch (mode) {
                case 0 -> RobotRulesMode.ALLOW_ALL;
                case 1 -> RobotRulesMode.ALLOW_NONE;
                case 2 -> RobotRulesMode.ALLOW_SOME;
                default -> throw new IllegalArgumentException("unknown robots rules mode " + mode);
            });
            simple.setCrawlDelay(in.readLong());
            simple.setDeferVisits(in.readBoolean());
            int rules = count(in.readInt(), bytes.length);
            for (int i = 0; i < rules; i++) {
                boolean allow = in.readBoolean();
                simple.addRule(readLong(in, bytes.length), allow);
            }
            int sitemaps = count(in.readInt(), bytes.length);
            for (int i = 0; i < sitemaps; i++) {
                simple.addSitemap(readLong(in, bytes.length));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the robots rules");
            }
            return new Dated(new RobotsRules(simple, sources[source], detail, transientFailure), obtainedAt);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated robots rules (" + bytes.length + " bytes)", e);
        }
    }

    /** A string of any length (a rule's prefix may pass writeUTF's 65,535 bytes). */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in, int total) throws IOException {
        byte[] b = new byte[count(in.readInt(), total)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int count(int n, int total) {
        if (n < 0 || n > total) {
            throw new IllegalArgumentException("a count of " + n + " in " + total + " bytes");
        }
        return n;
    }
}
