package io.sluice.launcher.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  record Job(String id, long bundleId, boolean done, String error, List<String> args) {}

  @Test
  void recordBecomesObjectOfItsComponentsInDeclarationOrder() {
    String json = JsonWriter.write(new Job("j1", 7, false, null, List.of("a", "b")));

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"j1\",\"bundleId\":7,\"done\":false,\"error\":null,\"args\":[\"a\",\"b\"]}");
  }

  @Test
  void mapsListsNumbersAndEmptyContainers() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("n", 1.5);
    map.put("empty", List.of());
    map.put("nested", Map.of());
    map.put("array", new Object[] {1, "x"});

    assertThat(JsonWriter.write(map))
        .isEqualTo("{\"n\":1.5,\"empty\":[],\"nested\":{},\"array\":[1,\"x\"]}");
  }

  @Test
  void stringsEscapeQuotesBackslashesAndControlCharacters() {
    String nasty = "a\"b\\c\nd\te\u0001f/";

    assertThat(JsonWriter.write(nasty)).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f/\"");
  }

  @Test
  void nonFiniteNumbersBecomeNullBecauseJsonHasNoSpellingForThem() {
    assertThat(JsonWriter.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY)))
        .isEqualTo("[null,null]");
  }

  @Test
  void unsupportedTypeIsRefusedByName() {
    assertThatThrownBy(() -> JsonWriter.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void readerGivesBackWhatTheWriterWrote() {
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("text", "quote \" backslash \\ newline \n unicode \u00e9 control \u0002");
    original.put("long", 9_007_199_254_740_993L);
    original.put("negative", -3L);
    original.put("double", 2.5e-3);
    original.put("flags", List.of(true, false));
    original.put("nothing", null);
    original.put("nested", Map.of("k", List.of()));

    assertThat(JsonReader.parse(JsonWriter.write(original))).isEqualTo(original);
  }

  @Test
  void readerAcceptsWhitespaceAndEscapesItDidNotWrite() {
    assertThat(JsonReader.parse(" { \"a\" : [ 1 , \"\\u0041\\/\" ] } "))
        .isEqualTo(Map.of("a", List.of(1L, "A/")));
  }

  @Test
  void readerNamesTheOffsetOfMalformedInput() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed JSON at offset 5: unexpected character '}'");
    assertThatThrownBy(() -> JsonReader.parse("[1] x"))
        .hasMessageContaining("unexpected text after the value");
    assertThatThrownBy(() -> JsonReader.parse("\"open"))
        .hasMessageContaining("unterminated string");
  }
}
