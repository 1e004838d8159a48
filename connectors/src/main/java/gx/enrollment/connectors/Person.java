package gx.enrollment.connectors;

import java.util.Objects;

/** A person as the sources know them: an 18-character resident ID number and a Chinese name. */
public record Person(String idNumber, String name) {

  public Person {
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return "Person[idNumber=" + IdNumbers.mask(idNumber) + ", name=" + name.charAt(0) + "*]";
  }
}
