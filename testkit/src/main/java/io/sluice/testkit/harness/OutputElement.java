package io.sluice.testkit.harness;

/**
 * What an operator under test emitted on its main output, in order: elements and watermarks. Tests
 * compare whole lists of them, so both kinds are plain values with readable {@code toString}s.
 */
public sealed interface OutputElement permits StreamRecord, Watermark {}
