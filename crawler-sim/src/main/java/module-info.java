/**
 * The simulated web, for tests, benchmarks and examples: a named module so that crawler-examples,
 * which runs on the module path, can require it. Everything here is its API. Its own tests, and
 * crawler-core, crawler-cli and crawler-bench, use it from the class path, where this descriptor
 * is ignored (and the command jars leave it out).
 */
module dev.crawler.sim {
    exports dev.crawler.sim;
    exports dev.crawler.sim.hostile;

    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.transport;
    // the server runs on epoll where its native library loads (a runtime dependency: on the module
    // path only if resolved, --add-modules io.netty.transport.epoll.linux.x86_64), else on NIO
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;
}
