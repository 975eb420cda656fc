package io.sluice.api.functions;

import java.io.Serializable;

/**
 * The base of every user function. Functions are serializable because each parallel subtask gets
 * its own copy (made when the job is deployed) and because the output type of a lambda is read from
 * its serialized form.
 */
public interface Function extends Serializable {}
