package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.testkit.TemporalTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Senders that send their headers and then stall or trickle their body must not starve the webhook: with fewer
 * request threads than stalled senders, a valid event is still answered at once, and each stalled body is answered
 * 408 when body-timeout passes, with nothing started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.bearer-token=" + WebhookSlowSendersTest.TOKEN,
    "scim-playbook.webhook.body-timeout=PT3S",
    // Few threads, so that a handful of stalled senders would take them all if the body read held one each.
    "server.tomcat.threads.max=4",
    "server.tomcat.threads.min-spare=1"})
class WebhookSlowSendersTest {

  static final String TOKEN = "slow-token-0123456789abcdef";
  static final int STALLED = 12;
  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;

  @Test
  void stalledBodiesHoldNoThreadAndAreAnswered408WhileAValidEventGoesThrough() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < STALLED; i++) {
        stalled.add(stall("74" + String.format("%02d", i)));
      }
      // Give the server time to hand every stalled request to a thread, as it would under an attack.
      Thread.sleep(300);

      long started = System.nanoTime();
      HttpResponse<String> valid = new WebhookHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
          port).postBearer(TOKEN, FailureEventWebhookTest.event("7499", "a", "valid"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(valid.statusCode()).as(valid.body()).isEqualTo(202);
      // The stalled bodies time out after 3 s: an answer before that means no stalled sender held it up.
      assertThat(took).as("a valid event behind %d stalled senders", STALLED).isLessThan(Duration.ofMillis(2500));

      for (Socket socket : stalled) {
        String answer = readAnswer(socket);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("the body did not arrive within 3000 ms");
      }
      for (int i = 0; i < STALLED; i++) {
        assertThat(temporal.exists("scim-playbook-74" + String.format("%02d", i) + "-a")).isFalse();
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  /** Sends the headers and the first bytes of a body, then nothing. */
  private Socket stall(String accountId) throws IOException {
    byte[] body = FailureEventWebhookTest.event(accountId, "a", "stalled").getBytes(StandardCharsets.UTF_8);
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(15_000);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + FailureEventServlet.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.write(body, 0, 5);
    out.flush();
    return socket;
  }

  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    StringBuilder answer = new StringBuilder();
    int n;
    while ((n = in.read(buffer)) > 0) {
      answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      if (answer.indexOf("}") > 0) {
        break;
      }
    }
    return answer.toString();
  }
}
