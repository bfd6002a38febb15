package dev.crawler.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A blocking name lookup, by default the operating system's ({@link InetAddress#getAllByName}). */
@FunctionalInterface
public interface NameLookup {

    /** Every address of {@code host}; blocks the calling thread. */
    InetAddress[] lookup(String host) throws UnknownHostException;

    /** The JDK's resolver: hosts file and system DNS, with the JDK's own cache. */
    static NameLookup system() {
        return InetAddress::getAllByName;
    }
}
