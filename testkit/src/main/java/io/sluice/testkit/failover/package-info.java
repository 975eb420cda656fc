/**
 * Building blocks for failure-injection tests: a deterministic, restorable source, an exactly-once
 * collecting operator, and failure points that fire once.
 */
package io.sluice.testkit.failover;
