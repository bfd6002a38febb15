package dev.crawler.url;

import java.util.Optional;

/**
 * IPv4 and IPv6 literals parsed and serialized as the WHATWG URL Standard does, so that every
 * spelling of one address gives one canonical host: {@code 0x7f.1} and {@code 2130706433} become
 * {@code 127.0.0.1}; {@code [0:0::1]} becomes {@code [::1]}.
 */
public final class IpAddresses {

    private static final long NOT_A_NUMBER = -1;
    private static final long TOO_BIG = 1L << 40;

    private IpAddresses() {
    }

    /** Whether the last label of {@code host} is a number, which makes the host an IPv4 address. */
    public static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return number(last) != NOT_A_NUMBER;
    }

    /** The dotted-quad form of an IPv4 host in any WHATWG spelling, or empty. */
    static Optional<String> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parts[i].isEmpty() ? NOT_A_NUMBER : number(parts[i]);
            if (numbers[i] == NOT_A_NUMBER || (i < parts.length - 1 && numbers[i] > 255)) {
                return Optional.empty();
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return Optional.of((address >> 24) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF)
                + "." + (address & 0xFF));
    }

    /** The canonical (RFC 5952) form of the text between an IPv6 literal's brackets, or empty. */
    static Optional<String> ipv6(String text) {
        int[] pieces = Ipv6Parser.parse(text.toLowerCase(java.util.Locale.ROOT));
        return pieces == null ? Optional.empty() : Optional.of(serialize(pieces));
    }

    /** A decimal, 0x-hex or 0-octal number as WHATWG reads IPv4 parts; large values saturate. */
    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (digits.length() >= 2 && digits.charAt(0) == '0' && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() >= 2 && digits.charAt(0) == '0') {
            radix = 8;
            digits = digits.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = UrlText.hexValue(digits.charAt(i));
            if (d < 0 || d >= radix) {
                return NOT_A_NUMBER;
            }
            value = Math.min(TOO_BIG, value * radix + d);
        }
        return value;
    }

    private static String serialize(int[] pieces) {
        int compress = longestZeroRun(pieces);
        StringBuilder out = new StringBuilder(40);
        boolean ignoreZero = false;
        for (int i = 0; i < 8; i++) {
            if (ignoreZero && pieces[i] == 0) {
                continue;
            }
            ignoreZero = false;
            if (i == compress) {
                out.append(i == 0 ? "::" : ":");
                ignoreZero = true;
                continue;
            }
            out.append(Integer.toHexString(pieces[i]));
            if (i != 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    /** The start of the first longest run of two or more zero pieces, or -1. */
    private static int longestZeroRun(int[] pieces) {
        int best = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                best = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        return best;
    }

    /** The WHATWG IPv6 parser: eight 16-bit pieces, or null on failure. */
    private static final class Ipv6Parser {
        private final String s;
        private final int[] address = new int[8];
        private int pointer;
        private int pieceIndex;
        private int compress = -1;

        private Ipv6Parser(String s) {
            this.s = s;
        }

        static int[] parse(String s) {
            Ipv6Parser parser = new Ipv6Parser(s);
            return parser.run() ? parser.address : null;
        }

        private int c() {
            return pointer < s.length() ? s.charAt(pointer) : -1;
        }

        private boolean run() {
            if (c() == ':') {
                if (pointer + 1 >= s.length() || s.charAt(pointer + 1) != ':') {
                    return false;
                }
                pointer += 2;
                compress = ++pieceIndex;
            }
            while (c() != -1) {
                if (pieceIndex == 8) {
                    return false;
                }
                if (c() == ':') {
                    if (compress != -1) {
                        return false;
                    }
                    pointer++;
                    compress = ++pieceIndex;
                    continue;
                }
                int value = 0;
                int length = 0;
                while (length < 4 && c() != -1 && UrlText.hexValue((char) c()) >= 0) {
                    value = value * 16 + UrlText.hexValue((char) c());
                    pointer++;
                    length++;
                }
                if (c() == '.') {
                    if (length == 0) {
                        return false;
                    }
                    pointer -= length;
                    return embeddedIpv4() && finish();
                }
                if (c() == ':') {
                    pointer++;
                    if (c() == -1) {
                        return false;
                    }
                } else if (c() != -1) {
                    return false;
                }
                address[pieceIndex++] = value;
            }
            return finish();
        }

        private boolean embeddedIpv4() {
            if (pieceIndex > 6) {
                return false;
            }
            int numbersSeen = 0;
            while (c() != -1) {
                int piece = -1;
                if (numbersSeen > 0) {
                    if (c() == '.' && numbersSeen < 4) {
                        pointer++;
                    } else {
                        return false;
                    }
                }
                if (c() < '0' || c() > '9') {
                    return false;
                }
                while (c() >= '0' && c() <= '9') {
                    int digit = c() - '0';
                    if (piece == -1) {
                        piece = digit;
                    } else if (piece == 0) {
                        return false;
                    } else {
                        piece = piece * 10 + digit;
                    }
                    if (piece > 255) {
                        return false;
                    }
                    pointer++;
                }
                address[pieceIndex] = address[pieceIndex] * 0x100 + piece;
                numbersSeen++;
                if (numbersSeen == 2 || numbersSeen == 4) {
                    pieceIndex++;
                }
            }
            return numbersSeen == 4;
        }

        private boolean finish() {
            if (compress != -1) {
                int swaps = pieceIndex - compress;
                pieceIndex = 7;
                while (pieceIndex != 0 && swaps > 0) {
                    int tmp = address[pieceIndex];
                    address[pieceIndex] = address[compress + swaps - 1];
                    address[compress + swaps - 1] = tmp;
                    pieceIndex--;
                    swaps--;
                }
                return true;
            }
            return pieceIndex == 8;
        }
    }
}
