package io.scimplaybook.worker;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml read as plain maps, with the few questions the consistency checks ask of it. */
record ComposeFile(Map<String, Object> root) {

  static ComposeFile read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return parse(in);
    }
  }

  static ComposeFile parse(Reader in) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return new ComposeFile(map(yaml.load(in), "the compose file"));
  }

  Map<String, Map<String, Object>> services() {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(root.get("services"), "services").forEach((name, body) -> services.put(name, map(body, "service " + name)));
    return services;
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services().get(name);
    if (service == null) {
      throw new AssertionError("docker-compose.yml has no service '" + name + "'");
    }
    return service;
  }

  /** The environment of a service as name → value; compose's list form (NAME=value) is turned into the map form. */
  Map<String, String> environment(String service) {
    Object env = service(service).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (env instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return result;
  }

  /** The host ports a service publishes; container-only ports ("8080") publish nothing fixed and are left out. */
  List<Integer> hostPorts(String service) {
    List<Integer> ports = new ArrayList<>();
    Object declared = service(service).get("ports");
    if (declared == null) {
      return ports;
    }
    for (Object port : list(declared, "ports of " + service)) {
      if (port instanceof Map<?, ?> longSyntax) {
        Object published = longSyntax.get("published");
        if (published != null) {
          ports.add(Integer.parseInt(String.valueOf(published)));
        }
        continue;
      }
      // [ip:]host:container[/protocol]
      String spec = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
      String[] parts = spec.split(":");
      if (parts.length >= 2) {
        ports.add(Integer.parseInt(parts[parts.length - 2]));
      }
    }
    return ports;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String what) {
    if (!(o instanceof Map<?, ?>)) {
      throw new AssertionError(what + " should be a mapping, was " + o);
    }
    return (Map<String, Object>) o;
  }

  static List<?> list(Object o, String what) {
    if (!(o instanceof List<?> l)) {
      throw new AssertionError(what + " should be a list, was " + o);
    }
    return l;
  }
}
