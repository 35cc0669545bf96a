package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AuditRecord of {@code auditFeed}: {@code admin} and {@code object} entities, {@code time}, and a {@code
 * fieldsMap} keyed by AuditFieldName ({@code change_type}, {@code model_type}, {@code model_name}, {@code admin}, ...).
 */
final class CatoAuditJson {
  private CatoAuditJson() {}

  static Map<String, String> fieldsMap(AuditEntry entry, SandboxConfig config) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("account", CatoStoryJson.ACCOUNT_NAME);
    f.put("account_id", config.accountId());
    f.put("admin", entry.adminName());
    f.put("admin_id", entry.adminId());
    f.put("change_type", entry.changeType());
    f.put("model_type", entry.modelType());
    f.put("model_name", entry.modelName());
    f.put("module", entry.module());
    f.put("creation_date", Json.time(entry.time()));
    f.put("insertion_date", Json.time(entry.time().plusSeconds(1)));
    f.put("audit_creation_type", "USER");
    return f;
  }

  static ObjectNode record(AuditEntry entry, Map<String, String> fieldsMap, SandboxConfig config) {
    ObjectNode r = Json.object();
    ObjectNode admin = r.putObject("admin");
    admin.put("id", entry.adminId());
    admin.put("name", entry.adminName());
    admin.put("type", "admin");
    r.putNull("apiKey");
    ObjectNode object = r.putObject("object");
    object.put("id", entry.objectId());
    object.put("name", entry.modelName());
    object.put("type", entry.objectEntityType());
    ObjectNode account = r.putObject("account");
    ObjectNode entity = account.putObject("entity");
    entity.put("id", config.accountId());
    entity.put("name", CatoStoryJson.ACCOUNT_NAME);
    entity.put("type", "account");
    account.put("description", CatoStoryJson.ACCOUNT_NAME);
    account.putObject("helperFields");
    r.put("time", Json.time(entry.time()));
    r.set("fieldsMap", CatoEventJson.map(fieldsMap));
    r.set("flatFields", CatoEventJson.flat(fieldsMap));
    return r;
  }
}
