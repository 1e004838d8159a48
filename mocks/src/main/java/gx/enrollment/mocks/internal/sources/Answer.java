package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A source's answer: the HTTP status and the JSON body. */
public record Answer(int status, ObjectNode body) {

  static Answer ok(ObjectNode body) {
    return new Answer(200, body);
  }
}
