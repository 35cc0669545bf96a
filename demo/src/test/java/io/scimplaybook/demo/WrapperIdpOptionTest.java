package io.scimplaybook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.sandbox.SandboxIdp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scim-playbook demo --idp ...}: the wrapper refuses what it cannot play before it builds or starts anything,
 * knows every IdP the sandbox plays, and its auto-answerer knows every kind of operator task a run can open.
 */
class WrapperIdpOptionTest {
  private static final Path WRAPPER = Path.of("..", "scim-playbook");

  record Run(int exit, String stderr) {}

  private static Run demo(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", WRAPPER.toString(), "demo"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    boolean ended = process.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
      throw new AssertionError("the wrapper did not stop at its argument check: " + command);
    }
    return new Run(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownIdpIsAUsageErrorNamingTheChoices() throws Exception {
    Run run = demo("--idp", "ping", "--scenario", "transient");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("--idp must be entra, okta, onelogin or custom, got 'ping'");
  }

  @Test
  void aMissingValueOrAnOktaOnlyFlagElsewhereIsAUsageError() throws Exception {
    assertThat(demo("--idp")).satisfies(run -> {
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.stderr()).contains("--idp needs a value");
    });
    assertThat(demo("--idp", "onelogin", "--okta-token-auth")).satisfies(run -> {
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.stderr()).contains("--okta-token-auth goes with --idp okta");
    });
  }

  @Test
  void everyIdpTheSandboxPlaysIsOneTheWrapperStartsWithItsOwnProfile() throws Exception {
    String script = Files.readString(WRAPPER);

    assertThat(SandboxIdp.values()).allSatisfy(idp -> {
      assertThat(script).contains("    " + idp.wireName() + ") IDP_NAME=");
      if (idp != SandboxIdp.ENTRA) {
        assertThat(script).contains("profiles=sandbox,sandbox-" + idp.wireName() + " ;;");
      }
    });
  }

  @Test
  void theAutoAnswererReactsToEveryKindOfTask() throws Exception {
    String script = Files.readString(WRAPPER);

    assertThat(TaskKind.values()).allSatisfy(kind -> {
      assertThat(script).contains("\"(task \"*\", " + kind.name() + "\"*) pending=" + kind.name() + " ;;");
      assertThat(script).contains("      " + kind.name() + ")\n");
    });
  }
}
