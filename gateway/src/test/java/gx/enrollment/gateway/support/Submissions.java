package gx.enrollment.gateway.support;

import gx.enrollment.gateway.submission.SubmissionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions as JSON-shaped maps, starting from the examples of API.md, so that a test can change
 * or remove any field by its path and send or convert the result.
 */
public final class Submissions {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Submissions() {}

  /** The form-A example of API.md: a migrant-style submission with all four sections. */
  public static Map<String, Object> formA() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schoolYear", 2024);
    body.put("stage", "PRIMARY");
    body.put("formType", "A");
    body.put("regionCode", "450702");
    body.put("channel", "ONLINE");
    body.put("student", map("idNumber", "450702201809120011", "name", "黄小明"));
    body.put(
        "guardian",
        map(
            "idNumber", "450702198803150020",
            "name", "黄丽",
            "relation", "MOTHER",
            "phone", "13800771234"));
    body.put("residencePermit", map("regionCode", "450702"));
    body.put("employment", map("employer", "钦州港某物流有限公司"));
    body.put(
        "residence",
        map(
            "kind", "OWNED",
            "address", "钦州市钦南区某路1号",
            "certificateNumber", "桂(2022)钦州市不动产权第0012345号"));
    body.put(
        "consent",
        map(
            "consentId", "c-7f3a",
            "grantedAt", "2024-07-01T09:30:00+08:00",
            "realNameVerified", true));
    return body;
  }

  /** A form-B submission for 忻城县 (a form-B area): household register only. */
  public static Map<String, Object> formB() {
    Map<String, Object> body = formA();
    body.put("formType", "B");
    body.put("regionCode", "451321");
    body.remove("residencePermit");
    body.remove("employment");
    body.remove("residence");
    return body;
  }

  /** Sets {@code path} (dotted, e.g. {@code guardian.phone}) to {@code value}, in place. */
  public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    node.put(parts[parts.length - 1], value);
    return body;
  }

  /** Removes {@code path}, in place. */
  public static Map<String, Object> without(Map<String, Object> body, String path) {
    String[] parts = path.split("\\.");
    Map<String, Object> node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    node.remove(parts[parts.length - 1]);
    return body;
  }

  public static SubmissionRequest toRequest(Map<String, Object> body) {
    return JSON.convertValue(body, SubmissionRequest.class);
  }

  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key) {
    Object child = node.get(key);
    if (child instanceof Map<?, ?> existing) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
      node.put(key, copy);
      return copy;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    node.put(key, created);
    return created;
  }

  /** Field names of a problem's {@code errors}, for assertions. */
  public static List<String> fields(List<Map<String, Object>> errors) {
    return errors.stream().map(error -> (String) error.get("field")).toList();
  }
}
