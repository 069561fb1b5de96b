package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a value sits in a request: its JSON pointer, made only when a problem is reported (a sale
 * has a hundred values and usually no problem), and the place a rewritten value goes.
 */
final class Place {

  private final Place parent;
  private final JsonNode container;
  private final String name;
  private final int index;

  private Place(Place parent, JsonNode container, String name, int index) {
    this.parent = parent;
    this.container = container;
    this.name = name;
    this.index = index;
  }

  /** The whole body. */
  static Place body() {
    return new Place(null, null, "", -1);
  }

  /** A value reported by its name, such as a query parameter's. */
  static Place named(String name) {
    return new Place(null, null, name, -1);
  }

  Place field(ObjectNode object, String field) {
    return new Place(this, object, field, -1);
  }

  Place item(ArrayNode array, int i) {
    return new Place(this, array, null, i);
  }

  String pointer() {
    if (parent == null) {
      return name;
    }
    String step =
        name == null ? Integer.toString(index) : name.replace("~", "~0").replace("/", "~1");
    return parent.pointer() + "/" + step;
  }

  /** Puts {@code value} where this place's value was. */
  void replace(JsonNode value) {
    if (container instanceof ObjectNode object) {
      object.set(name, value);
    } else if (container instanceof ArrayNode array) {
      array.set(index, value);
    }
  }
}
