package io.scimplaybook.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code docker-compose config} checks, done in the test's own JVM so that {@code mvn verify} needs no Compose
 * binary: the file is read as YAML (anchors and {@code <<} merge keys resolved), its values are interpolated from an
 * environment the way Compose does, and the result is validated against the Compose specification's JSON schema
 * (src/test/resources/compose-spec/, see the README there for where it comes from).
 *
 * <p>Interpolation follows the Compose specification's "Interpolation" section: {@code $VAR} and {@code ${VAR}} (empty
 * when unset), {@code ${VAR:-default}} (default when unset or empty), {@code ${VAR-default}} (default when unset),
 * {@code ${VAR:?message}} (error when unset or empty), {@code ${VAR?message}} (error when unset), {@code ${VAR:+alt}}
 * and {@code ${VAR+alt}}, and {@code $$} for a literal {@code $}. Values are interpolated, keys are not.
 */
final class ComposeSpec {

  static final String SCHEMA_RESOURCE = "/compose-spec/compose-spec.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  private ComposeSpec() {}

  /** The outcome of one validation: the interpolated file, or the reasons it was refused (never both empty). */
  record Result(ComposeFile effective, List<String> errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  /** Thrown by interpolation for a {@code ${VAR:?message}} whose variable is missing, like Compose refuses it. */
  static final class MissingVariable extends RuntimeException {
    MissingVariable(String message) {
      super(message);
    }
  }

  static Result validate(String yamlText, Map<String, String> environment) {
    Object tree;
    try {
      tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new StringReader(yamlText));
    } catch (RuntimeException e) {
      return new Result(null, List.of("not YAML: " + e.getMessage()));
    }
    Object interpolated;
    try {
      interpolated = interpolateValues(tree, environment, "");
    } catch (MissingVariable e) {
      return new Result(null, List.of(e.getMessage()));
    }
    JsonNode node = JSON.valueToTree(interpolated);
    Set<ValidationMessage> messages = schema().validate(node);
    List<String> errors = new ArrayList<>();
    new TreeSet<>(messages.stream().map(ValidationMessage::getMessage).toList()).forEach(errors::add);
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(new ComposeFile(ComposeFile.map(interpolated, "the compose file")), List.of());
  }

  private static synchronized JsonSchema schema() {
    if (schema == null) {
      try (InputStream in = ComposeSpec.class.getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the test resources");
        }
        JsonNode schemaNode = JSON.readTree(in);
        // The bundled schema declares draft 2019-09 (as http://...#) but still marks its parts with draft-04's "id",
        // which 2019-09 does not know: "id" is declared an annotation, and the meta-schema is registered under the
        // file's own $schema so nothing is fetched from the web.
        JsonMetaSchema meta = JsonMetaSchema.builder(schemaNode.path("$schema").asText(), JsonMetaSchema.getV201909())
            .keyword(new NonValidationKeyword("id"))
            .build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, factory -> factory.metaSchema(meta))
            .getSchema(schemaNode);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
      }
    }
    return schema;
  }

  private static Object interpolateValues(Object node, Map<String, String> env, String path) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), interpolateValues(v, env, path + "." + k)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(interpolateValues(list.get(i), env, path + "[" + i + "]"));
      }
      return out;
    }
    if (node instanceof String s) {
      return interpolate(s, env, path.isEmpty() ? "" : path.substring(1));
    }
    return node;
  }

  /** One string interpolated as Compose does; {@code where} names the value in an error. */
  static String interpolate(String value, Map<String, String> env, String where) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= value.length()) {
        out.append('$');
        i++;
        continue;
      }
      char next = value.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(value, i + 2);
        if (end < 0) {
          throw new MissingVariable("invalid interpolation format for " + where + ": \"" + value + "\"");
        }
        out.append(expand(value.substring(i + 2, end), env, where));
        i = end + 1;
      } else if (Character.isLetter(next) || next == '_') {
        int j = i + 1;
        while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) {
          j++;
        }
        out.append(env.getOrDefault(value.substring(i + 1, j), ""));
        i = j;
      } else {
        throw new MissingVariable("invalid interpolation format for " + where + ": \"" + value
            + "\"; use $$ for a literal $");
      }
    }
    return out.toString();
  }

  private static int closingBrace(String value, int from) {
    int depth = 1;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String expand(String body, Map<String, String> env, String where) {
    int n = 0;
    while (n < body.length() && (Character.isLetterOrDigit(body.charAt(n)) || body.charAt(n) == '_')) {
      n++;
    }
    String name = body.substring(0, n);
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      throw new MissingVariable("invalid interpolation format for " + where + ": \"${" + body + "}\"");
    }
    String operator = body.substring(n);
    String value = env.get(name);
    boolean set = value != null;
    boolean nonEmpty = set && !value.isEmpty();
    if (operator.isEmpty()) {
      return set ? value : "";
    }
    boolean colon = operator.startsWith(":");
    String op = colon ? operator.substring(1) : operator;
    if (op.isEmpty()) {
      throw new MissingVariable("invalid interpolation format for " + where + ": \"${" + body + "}\"");
    }
    char kind = op.charAt(0);
    String argument = interpolate(op.substring(1), env, where);
    boolean present = colon ? nonEmpty : set;
    switch (kind) {
      case '-':
        return present ? value : argument;
      case '?':
        if (!present) {
          throw new MissingVariable("required variable " + name + " is missing a value: " + argument);
        }
        return value;
      case '+':
        return present ? argument : "";
      default:
        throw new MissingVariable("invalid interpolation format for " + where + ": \"${" + body + "}\"");
    }
  }
}
