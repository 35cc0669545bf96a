package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script bash loads: asked the way bash asks it, it completes verbs, options and fixed values. */
class CompletionScriptTest {

  static final Path BASH = Path.of("/bin/bash");

  @TempDir Path dir;

  @Test
  void theScriptCompletesVerbsSubVerbsOptionsAndFixedValues() throws Exception {
    assumeTrue(Files.isExecutable(BASH), "bash is not installed");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new PlaybookCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run("completion");
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    Path script = Files.writeString(dir.resolve("scim-playbook.bash"), out.toString(StandardCharsets.UTF_8));

    assertThat(complete(script, "scim-playbook sta")).isEqualTo("status");
    assertThat(complete(script, "scim-playbook poller st")).isEqualTo("start stop status");
    assertThat(complete(script, "scim-playbook status --js")).isEqualTo("--json");
    assertThat(complete(script, "scim-playbook approve --tok")).isEqualTo("--token-file");
    assertThat(complete(script, "scim-playbook decide --decision DIS")).isEqualTo("DISMISSED");
    assertThat(complete(script, "scim-playbook list --outcome ")).isEqualTo("RESOLVED NOT_REPRODUCED ESCALATED");
  }

  /** What bash offers for the line, cursor at its end: the completion function run as bash runs it. */
  private String complete(Path script, String line) throws Exception {
    String driver = """
        source "$1"
        line="$2"
        read -ra COMP_WORDS <<< "$line"
        [[ "$line" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$line"; COMP_POINT=${#line}; COMPREPLY=()
        _complete_scim-playbook scim-playbook "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
        echo "${COMPREPLY[*]}"
        """;
    Process bash = new ProcessBuilder(List.of(BASH.toString(), "-c", driver, "driver", script.toString(), line))
        .redirectError(ProcessBuilder.Redirect.DISCARD)  // compopt complains outside a real completion; harmless
        .start();
    String answer = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return answer;
  }
}
