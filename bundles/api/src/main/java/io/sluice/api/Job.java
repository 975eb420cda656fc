package io.sluice.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A job: builds a dataflow on the environment it is given and executes it. A job bundle names its
 * implementation in the {@code Sluice-Job} manifest header; the platform creates it with its public
 * no-argument constructor.
 *
 * <pre>{@code
 * public final class Upper implements Job {
 *   public void run(StreamEnvironment env, String[] args) throws Exception {
 *     env.fromElements("a", "b").map(String::toUpperCase).print();
 *     env.execute("upper");
 *   }
 * }
 * }</pre>
 */
@ConsumerType
public interface Job {
  void run(StreamEnvironment env, String[] args) throws Exception;
}
