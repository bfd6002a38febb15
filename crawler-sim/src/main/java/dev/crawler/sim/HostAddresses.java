package dev.crawler.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Loopback addresses of the hosts: host 1 gets the first address, each next host the next address
 * whose last octet is 1..254 (127.0.1.254 is followed by 127.0.2.1). No DNS is ever consulted.
 */
final class HostAddresses {

    private static final int PER_BLOCK = 254; // last octets 1..254

    private final long firstLinear;

    HostAddresses(String firstAddress) {
        int[] octets = parse(firstAddress);
        this.firstLinear = ((long) octets[1] * 256 + octets[2]) * PER_BLOCK + (octets[3] - 1);
    }

    /** Throws {@link IllegalArgumentException} unless {@code firstAddress} is usable for {@code hosts} hosts. */
    static void check(String firstAddress, int hosts) {
        HostAddresses addresses = new HostAddresses(firstAddress);
        long last = addresses.firstLinear + hosts - 1;
        if (last / PER_BLOCK > 0xFFFF) {
            throw new IllegalArgumentException(hosts + " hosts starting at " + firstAddress
                    + " do not fit in 127.0.0.0/8; use a lower firstAddress or fewer hosts");
        }
    }

    /** Address text of the host with zero-based index {@code index}, e.g. 0 -> "127.0.1.1". */
    String text(int index) {
        int[] o = octets(index);
        return o[0] + "." + o[1] + "." + o[2] + "." + o[3];
    }

    /** The address of the host with zero-based index {@code index}, built without any lookup. */
    InetAddress address(int index) {
        int[] o = octets(index);
        try {
            return InetAddress.getByAddress(new byte[] {(byte) o[0], (byte) o[1], (byte) o[2], (byte) o[3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid address", e);
        }
    }

    /** The zero-based host index of a dotted address, or -1 if it is not one of ours (up to {@code hosts}). */
    int indexOf(String dotted, int hosts) {
        int[] o;
        try {
            o = parse(dotted);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        long linear = ((long) o[1] * 256 + o[2]) * PER_BLOCK + (o[3] - 1) - firstLinear;
        return linear >= 0 && linear < hosts ? (int) linear : -1;
    }

    private int[] octets(int index) {
        long linear = firstLinear + index;
        long block = linear / PER_BLOCK;
        return new int[] {127, (int) (block / 256), (int) (block % 256), (int) (linear % PER_BLOCK) + 1};
    }

    private static int[] parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("firstAddress must be a dotted IPv4 address like 127.0.1.1, was '" + text + "'");
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                if (parts[i].isEmpty() || parts[i].length() > 3) {
                    throw new NumberFormatException();
                }
                octets[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("firstAddress must be a dotted IPv4 address like 127.0.1.1, was '" + text + "'");
            }
            if (octets[i] < 0 || octets[i] > 255) {
                throw new IllegalArgumentException("firstAddress has an octet out of 0..255: '" + text + "'");
            }
        }
        if (octets[0] != 127) {
            throw new IllegalArgumentException("firstAddress must be in loopback 127.0.0.0/8, was '" + text + "'");
        }
        if (octets[3] < 1 || octets[3] > 254) {
            throw new IllegalArgumentException("firstAddress must end in 1..254, was '" + text + "'");
        }
        return octets;
    }
}
