package io.sluice.spi.metrics;

import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes the runtime's metrics somewhere (JMX, logs, CSV, Prometheus). Reporter bundles register
 * it as an OSGi service; reporters come and go freely while the metric registry outlives them.
 */
@ProviderType
public interface MetricReporter {

  String name();

  /** Called periodically with a snapshot of every metric; must not block for long. */
  void report(Collection<MetricValue> metrics);
}
