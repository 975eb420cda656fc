/**
 * Operator test harnesses: run one operator or user function on the test's thread, feed it
 * elements, watermarks and processing time, and assert on what it emitted. Start with {@link
 * io.sluice.testkit.harness.Harnesses}; use the harness classes directly for custom operators.
 */
package io.sluice.testkit.harness;
