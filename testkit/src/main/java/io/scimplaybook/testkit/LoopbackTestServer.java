package io.scimplaybook.testkit;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Java test server on a free loopback port. {@code TestServer.createPortBoundServer} binds every interface,
 * which a test has no business doing on a shared machine.
 */
public final class LoopbackTestServer implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private LoopbackTestServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** @param lockTimeSkipping true keeps wall-clock time, as the tests that wait on real runs need */
  public static LoopbackTestServer start(boolean lockTimeSkipping) {
    TestServicesStarter services = new TestServicesStarter(lockTimeSkipping, 0);
    try {
      NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new LoopbackTestServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
