package io.sluice.api.typeutils;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Types that the serializer tests derive serializers for; shaped like a job author's own. */
final class SampleTypes {
  private SampleTypes() {}

  enum Color {
    RED,
    GREEN {
      @Override
      public String toString() {
        return "green!";
      }
    },
    BLUE
  }

  record Point(int x, int y) {}

  record Sale(String item, long quantity, BigDecimal price, Instant at, Color color) {}

  record Wrapper<T>(T value, List<T> history, Map<String, T> byName) {}

  record Tree(String label, List<Tree> children) {}

  /** A record whose component is a mutable POJO. */
  record Shipment(String id, Address to, List<Address> stops, Optional<Address> returnTo) {}

  /** A POJO with public fields, a private field with accessors, and a transient field. */
  public static class Address {
    public String street;
    public int number;
    private String city;
    public Double lat;
    public transient String cachedLabel;

    public Address() {}

    public Address(String street, int number, String city, Double lat) {
      this.street = street;
      this.number = number;
      this.city = city;
      this.lat = lat;
    }

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Address a
          && Objects.equals(street, a.street)
          && number == a.number
          && Objects.equals(city, a.city)
          && Objects.equals(lat, a.lat);
    }

    @Override
    public int hashCode() {
      return Objects.hash(street, number, city, lat);
    }

    @Override
    public String toString() {
      return street + " " + number + ", " + city + " @" + lat;
    }
  }

  /** A POJO with a boolean accessor pair, a superclass, and nested collections. */
  public static class Customer extends Entity {
    private boolean active;
    public Address address;
    public List<Map<String, Long>> counters = new ArrayList<>();

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Customer c
          && Objects.equals(id, c.id)
          && active == c.active
          && Objects.equals(address, c.address)
          && Objects.equals(counters, c.counters);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, active, address, counters);
    }
  }

  /** A superclass whose fields a POJO inherits. */
  public static class Entity {
    public String id;
  }

  /** A generic POJO: its field types come from the subclass or the type arguments. */
  public static class Box<T> {
    public T content;
    public List<T> more;
  }

  /** Binds Box's T through the class hierarchy. */
  public static class StringBox extends Box<String> {}

  /** A recursive POJO. */
  public static class Node {
    public String name;
    public Node next;
  }

  /** A POJO with a field of a type that has no serializer. */
  public static class Order {
    public String id;
    public Holder customer;
  }

  /** Nested inside Order, holding the unserializable field. */
  public static class Holder {
    public String name;
    public Place address;
  }

  /** Has an Object field. */
  public static class Place {
    public Object address;
  }

  /** A private field without accessors. */
  public static class Secretive {
    private String secret;
  }

  /** A public final field cannot be set after construction. */
  public static class Frozen {
    public final String value = "x";
  }

  /** No public no-argument constructor, and not a record. */
  public static class NeedsArguments {
    public String value;

    public NeedsArguments(String value) {
      this.value = value;
    }
  }

  /** A field typed by an interface other than the collections. */
  public static class HasRunnable {
    public Runnable task;
  }

  /** A subclass of a POJO: values of it would lose {@code extra} if written as Address. */
  public static class DetailedAddress extends Address {
    public String extra;
  }

  /** A generic type that grows without end as it recurses. */
  public static class Expanding<T> {
    public Expanding<List<T>> next;
  }

  /** A POJO that forgets to bind a generic field. */
  public static class RawHolder {
    @SuppressWarnings("rawtypes")
    public List items;
  }

  /** Not public, so not a POJO. */
  static class Hidden {
    public String value;
  }
}
