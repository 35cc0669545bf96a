package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestHookTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.TOKEN_MISMATCH));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHookSeesEachRequestWithItsBodyAndTheHandlerStillGetsTheBody() {
    List<SandboxRequest> seen = new CopyOnWriteArrayList<>();
    String graph = http.graphToken();
    String token = http.generateCmaToken();
    server.onRequest(seen::add);

    assertThat(http.putSecrets(graph, http.scimBaseAddress(), token).statusCode()).isEqualTo(204);

    String secretsPath = "/v1.0/servicePrincipals/" + server.config().servicePrincipalId() + "/synchronization/secrets";
    assertThat(seen).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo(secretsPath);
      assertThat(request.body()).contains("SecretToken");
      // The body may hold the token: it never shows in the record's text.
      assertThat(request.toString()).isEqualTo("PUT " + secretsPath).doesNotContain(token);
    });
    assertThat(server.state().idpTokenMatchesCato()).isTrue();
    assertThat(server.state().idpSecretsSaved()).isEqualTo(1);
  }

  @Test
  void aBlockingHookHoldsTheRequestBeforeTheSandboxAppliesIt() throws Exception {
    String graph = http.graphToken();
    String token = http.generateCmaToken();
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.onRequest(request -> {
      if (request.method().equals("PUT")) {
        arrived.countDown();
        release.await();
      }
    });

    CompletableFuture<HttpResponse<String>> save =
        CompletableFuture.supplyAsync(() -> http.putSecrets(graph, http.scimBaseAddress(), token));
    assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.state().idpSecretsSaved()).isZero();
    assertThat(save).isNotDone();

    release.countDown();
    assertThat(save.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    assertThat(server.state().idpSecretsSaved()).isEqualTo(1);

    server.onRequest(RequestHook.NONE);
    assertThat(http.putSecrets(graph, http.scimBaseAddress(), token).statusCode()).isEqualTo(204);
    assertThat(server.state().idpSecretsSaved()).isEqualTo(2);
  }

  @Test
  void aJobRestartIsCounted() {
    String graph = http.graphToken();
    assertThat(server.state().jobRestarts()).isZero();
    http.graph("POST", http.jobPath() + "/restart", graph,
        java.util.Map.of("criteria", java.util.Map.of("resetScope", "Watermark, Escrows, QuarantineState")));
    assertThat(server.state().jobRestarts()).isEqualTo(1);
  }
}
