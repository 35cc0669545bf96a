package io.scimplaybook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every process the wrapper starts shows its arguments to anyone on the machine (ps, /proc): the demo once passed the
 * webhook's bearer token to the sandbox as {@code --trigger-header "Authorization: Bearer $webhook_token"}. Secrets go
 * in the environment of the one process (the assignments before {@code java}) or in files; never after it.
 */
class WrapperCommandLinesTest {
  /**
   * A secret's value in the script: an expansion of a variable named for one, or the header that carries one. Naming
   * the variable a process should read (--trigger-bearer-env SANDBOX_TRIGGER_TOKEN) is the fix, not a leak.
   */
  private static final Pattern SECRET = Pattern.compile(
      "(?i)authorization:|bearer\\s+\\$|\\$\\{?\\w*(token|key|secret|password)\\b");

  @Test
  void noProcessTheWrapperStartsCarriesASecretOnItsCommandLine() throws Exception {
    List<String> commands = javaCommandLines(Files.readString(Path.of("..", "scim-playbook")));

    assertThat(commands).as("the wrapper's java command lines").hasSizeGreaterThanOrEqualTo(5);
    assertThat(commands).allSatisfy(command -> assertThat(SECRET.matcher(command).find())
        .as("a secret on the command line: %s", command).isFalse());
  }

  @Test
  void theCheckSeesTheCommandLineTheDemoOnceHad() {
    String before = "java -jar \"$SANDBOX_JAR\" --port \"$SANDBOX_PORT\" \\\n"
        + "      --trigger-header \"Authorization: Bearer $webhook_token\" > \"$DEMO_DIR/sandbox.log\" 2>&1 &\n";
    String now = "SANDBOX_TRIGGER_TOKEN=\"$webhook_token\" java -jar \"$SANDBOX_JAR\" \\\n"
        + "      --trigger-bearer-env SANDBOX_TRIGGER_TOKEN > \"$DEMO_DIR/sandbox.log\" 2>&1 &\n";

    assertThat(javaCommandLines(before)).singleElement().matches(c -> SECRET.matcher(c).find());
    assertThat(javaCommandLines(now)).singleElement().matches(c -> !SECRET.matcher(c).find());
  }

  /** Each logical line (continuations joined) that runs java, from {@code java} on: the assignments before it are the environment. */
  private static List<String> javaCommandLines(String script) {
    List<String> commands = new ArrayList<>();
    for (String line : script.replace("\\\n", " ").split("\n")) {
      String code = line.strip();
      if (code.startsWith("#")) {
        continue;
      }
      var java = Pattern.compile("(^|\\s)java\\s").matcher(code);
      if (java.find()) {
        commands.add(code.substring(java.start()).strip());
      }
    }
    return commands;
  }
}
