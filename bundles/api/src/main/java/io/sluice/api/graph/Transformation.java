package io.sluice.api.graph;

import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.TypeSerializers;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A node of the dataflow the API builds: one operation with its inputs, name, uid, parallelism and
 * output type. The runtime compiles the graph of transformations into tasks.
 *
 * <p>The output type may be unknown when the node is created (a lambda whose generics Java erased);
 * the error is kept and raised when the job is built, unless {@code returns(...)} supplies the type
 * first.
 *
 * @param <T> the type of the elements this transformation produces
 */
public abstract class Transformation<T> {
  private final int id;
  private String name;
  private String uid;
  private int parallelism = -1;
  private Type outputType;
  private InvalidTypesException outputTypeError;
  private TypeSerializer<T> outputSerializer;

  /** Creates a node whose output type is set next, with {@link #setOutputType} or the error. */
  protected Transformation(int id, String name) {
    this.id = id;
    this.name = name;
  }

  /** Unique within the job, in creation order. */
  public final int getId() {
    return id;
  }

  public final String getName() {
    return name;
  }

  public final void setName(String name) {
    this.name = name;
  }

  /** The user's stable id of the operator (state is matched by it on restore), or null. */
  public final String getUid() {
    return uid;
  }

  public final void setUid(String uid) {
    this.uid = uid;
  }

  /** The parallelism set on this operation, or -1 for the job default. */
  public final int getParallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism < 1 && parallelism != -1) {
      throw new IllegalArgumentException(
          "parallelism of '" + name + "' must be at least 1: " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Whether the output type is known (or was supplied with {@code returns}). */
  public boolean hasOutputType() {
    return outputType != null;
  }

  /**
   * The output type.
   *
   * @throws InvalidTypesException if it could not be determined and was not supplied
   */
  public Type getOutputType() {
    if (outputType == null) {
      if (outputTypeError == null) {
        throw new IllegalStateException("Operator '" + name + "' has no output type");
      }
      throw new InvalidTypesException(
          "Operator '" + name + "': " + outputTypeError.getMessage(), outputTypeError);
    }
    return outputType;
  }

  /** Records why the output type is unknown; raised when the type is needed. */
  public final void setOutputTypeError(InvalidTypesException error) {
    this.outputType = null;
    this.outputTypeError = error;
    this.outputSerializer = null;
  }

  /** Supplies the output type, replacing whatever was derived. */
  public final void setOutputType(Type type) {
    this.outputType = type;
    this.outputTypeError = null;
    this.outputSerializer = null;
  }

  /**
   * The serializer of the output type, derived once.
   *
   * @throws InvalidTypesException naming this operator if the type has no serializer
   */
  @SuppressWarnings("unchecked")
  public final TypeSerializer<T> getOutputSerializer() {
    if (outputSerializer == null) {
      Type type = getOutputType();
      try {
        outputSerializer = (TypeSerializer<T>) TypeSerializers.forType(type);
      } catch (InvalidTypesException e) {
        throw new InvalidTypesException(
            "Operator '" + name + "' produces a type that cannot be serialized: " + e.getMessage(),
            e);
      }
    }
    return outputSerializer;
  }

  /** The transformations this one reads from, in input order. */
  public abstract List<Transformation<?>> getInputs();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "#" + id + "(" + name + ")";
  }
}
