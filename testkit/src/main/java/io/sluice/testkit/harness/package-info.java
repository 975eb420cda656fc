/**
 * Operator test harnesses: run one operator or user function on the test's thread, feed it
 * elements, watermarks and processing time, and assert on what it emitted. Harnesses also take
 * checkpoints of their operator ({@link io.sluice.testkit.harness.OperatorHarness#snapshot}) and
 * restore a new operator from them, to test recovery without a job. Start with {@link
 * io.sluice.testkit.harness.Harnesses}; use the harness classes directly for custom operators.
 */
package io.sluice.testkit.harness;
