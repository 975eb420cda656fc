package io.sluice.launcher.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads feature descriptors with the JDK's DOM parser. A file holds one {@code <feature>} or a
 * {@code <features>} element with several:
 *
 * <pre>{@code
 * <feature name="kafka" description="Kafka source and sink">
 *   <feature>core</feature>
 *   <bundle start-level="5">sluice-connector-kafka.jar</bundle>
 *   <config pid="io.sluice.connector.kafka">bootstrap.servers = localhost:9092</config>
 * </feature>
 * }</pre>
 *
 * <p>Anything else (an unknown element, a missing name, a bad start level) is an error naming the
 * file. DTDs and external entities are refused.
 */
public final class FeatureXml {

  private FeatureXml() {}

  /** Reads every feature of one file. */
  public static List<Feature> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read feature file " + file, e);
    }
  }

  /** Reads every feature of one document; {@code source} names it in error messages. */
  public static List<Feature> read(InputStream in, String source) {
    Element root = parse(in, source).getDocumentElement();
    List<Feature> features = new ArrayList<>();
    switch (root.getTagName()) {
      case "feature" -> features.add(feature(root, source));
      case "features" -> {
        for (Element child : children(root)) {
          expect(child, "feature", "<features>", source);
          features.add(feature(child, source));
        }
      }
      default ->
          throw new FeatureException(
              source
                  + ": root element must be <feature> or <features>, not <"
                  + root.getTagName()
                  + ">");
    }
    return features;
  }

  private static Feature feature(Element element, String source) {
    String name = element.getAttribute("name").trim();
    if (name.isEmpty()) {
      throw new FeatureException(source + ": a <feature> has no name attribute");
    }
    String where = source + ": feature '" + name + "'";
    List<String> requires = new ArrayList<>();
    List<FeatureBundle> bundles = new ArrayList<>();
    List<FeatureConfig> configs = new ArrayList<>();
    for (Element child : children(element)) {
      switch (child.getTagName()) {
        case "feature" -> requires.add(nonBlankText(child, where));
        case "bundle" ->
            bundles.add(new FeatureBundle(nonBlankText(child, where), startLevel(child, where)));
        case "config" -> configs.add(config(child, where));
        default ->
            throw new FeatureException(
                where
                    + ": unknown element <"
                    + child.getTagName()
                    + ">; expected <feature>, <bundle> or <config>");
      }
    }
    return new Feature(
        name, element.getAttribute("description").trim(), requires, bundles, configs, source);
  }

  private static int startLevel(Element bundle, String where) {
    String value = bundle.getAttribute("start-level").trim();
    if (value.isEmpty()) {
      return FeatureBundle.DEFAULT_START_LEVEL;
    }
    try {
      int level = Integer.parseInt(value);
      if (level >= 1) {
        return level;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FeatureException(
        where
            + ": start-level of "
            + bundle.getTextContent().trim()
            + " must be a positive integer, not '"
            + value
            + "'");
  }

  private static FeatureConfig config(Element config, String where) {
    String pid = config.getAttribute("pid").trim();
    if (pid.isEmpty()) {
      throw new FeatureException(where + ": a <config> has no pid attribute");
    }
    Properties properties = new Properties();
    try {
      properties.load(
          new StringReader(config.getTextContent().strip().replaceAll("(?m)^\\s+", "")));
    } catch (IOException | IllegalArgumentException e) {
      throw new FeatureException(
          where + ": config " + pid + " is not in properties format: " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return new FeatureConfig(pid, values);
  }

  private static String nonBlankText(Element element, String where) {
    String text = element.getTextContent().trim();
    if (text.isEmpty()) {
      throw new FeatureException(where + ": <" + element.getTagName() + "> must not be empty");
    }
    return text;
  }

  private static void expect(Element element, String tag, String parent, String source) {
    if (!element.getTagName().equals(tag)) {
      throw new FeatureException(
          source
              + ": "
              + parent
              + " may hold only <"
              + tag
              + ">, found <"
              + element.getTagName()
              + ">");
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static Document parse(InputStream in, String source) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new ThrowingErrorHandler());
      return builder.parse(in, source);
    } catch (SAXException e) {
      throw new FeatureException(source + ": not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses a standard setting", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read feature file " + source, e);
    }
  }

  /** Turns every parser complaint into an exception instead of a line on stderr. */
  private static final class ThrowingErrorHandler implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
