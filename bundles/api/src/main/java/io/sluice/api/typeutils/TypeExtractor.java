package io.sluice.api.typeutils;

import io.sluice.api.typeutils.internal.GenericTypes;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the types a user function consumes and produces, so the DataStream API can derive
 * serializers without the user spelling types: {@code typeArgument(fn, MapFunction.class, 1)} is
 * the {@code OUT} of a {@code MapFunction<IN, OUT>}.
 *
 * <p>For a class (named, anonymous, or a subclass of a generic class) the answer comes from its
 * generic superclasses and interfaces. For a lambda or method reference, Java keeps no generic
 * information on the lambda's class, so the function interface must extend {@link
 * java.io.Serializable}: the lambda's {@link SerializedLambda} names its implementation method and
 * the erased types the lambda was instantiated with. Those suffice when the type parameter is
 * directly a parameter or the return type of the interface's method and the type is not itself
 * generic; otherwise the user must add {@code .returns(...)}, and the exception says so.
 *
 * <p>Stateless and thread-safe; keeps no reference to the functions or classes it inspects.
 */
public final class TypeExtractor {
  private static final String RETURNS_ADVICE =
      "Add .returns(Types.STRING) / .returns(new TypeHint<Tuple2<String, Long>>() {})"
          + " or use an anonymous class.";

  private TypeExtractor() {}

  /**
   * The actual type of type parameter {@code typeParameterIndex} of {@code functionInterface}, as
   * {@code function} implements it, with every type variable resolved.
   *
   * @throws InvalidTypesException if the type cannot be determined, saying what to do instead
   * @throws IllegalArgumentException if {@code function} does not implement {@code
   *     functionInterface} or the index is out of range
   */
  public static Type typeArgument(
      Object function, Class<?> functionInterface, int typeParameterIndex) {
    Objects.requireNonNull(function, "function");
    TypeVariable<?>[] parameters = functionInterface.getTypeParameters();
    if (typeParameterIndex < 0 || typeParameterIndex >= parameters.length) {
      throw new IllegalArgumentException(
          functionInterface.getName()
              + " has "
              + parameters.length
              + " type parameters, no index "
              + typeParameterIndex);
    }
    if (!functionInterface.isInstance(function)) {
      throw new IllegalArgumentException(
          function.getClass().getName() + " does not implement " + functionInterface.getName());
    }
    TypeVariable<?> variable = parameters[typeParameterIndex];
    Class<?> functionClass = function.getClass();
    Type resolved = GenericTypes.bindings(functionClass).get(variable);
    if (resolved != null && GenericTypes.findTypeVariable(resolved) == null) {
      return resolved;
    }
    if (isLambdaClass(functionClass)) {
      return fromLambda(function, functionInterface, variable);
    }
    throw new InvalidTypesException(
        "Cannot determine type "
            + variable.getName()
            + " of "
            + functionInterface.getSimpleName()
            + " for "
            + functionClass.getName()
            + ": it is "
            + (resolved == null ? variable.getName() : resolved.getTypeName())
            + ", which is not bound to a concrete type (a generic class instantiated without"
            + " type arguments, or a raw implements clause). Subclass it with concrete type"
            + " arguments, e.g. new MyFunction<String>() {}, or add .returns(...).");
  }

  private static boolean isLambdaClass(Class<?> functionClass) {
    return (functionClass.isSynthetic() || functionClass.isHidden())
        && functionClass.getName().contains("$$Lambda");
  }

  private static Type fromLambda(
      Object function, Class<?> functionInterface, TypeVariable<?> variable) {
    SerializedLambda lambda = serializedLambda(function, functionInterface, variable);
    Method sam = singleAbstractMethod(functionInterface);
    String where =
        "the lambda in " + functionInterface.getSimpleName() + "." + sam.getName() + "(...)";
    ClassLoader loader = function.getClass().getClassLoader();
    MethodType instantiated;
    Class<?> implClass;
    try {
      instantiated =
          MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader);
      implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | TypeNotPresentException | IllegalArgumentException e) {
      throw new InvalidTypesException(
          "Cannot determine type " + variable.getName() + " of " + where + ": " + e, e);
    }
    Executable implementation =
        findImplementation(implClass, lambda.getImplMethodName(), lambda.getImplMethodSignature());
    String implementedBy =
        " (implemented by " + implClass.getName() + "." + lambda.getImplMethodName() + ")";

    Map<TypeVariable<?>, Type> interfaceBindings = GenericTypes.bindings(functionInterface);
    if (GenericTypes.resolve(sam.getGenericReturnType(), interfaceBindings).equals(variable)) {
      Type precise = implementation == null ? null : genericReturnType(implementation, implClass);
      return checked(precise, instantiated.returnType(), variable, where + implementedBy);
    }
    Type[] samParameters = sam.getGenericParameterTypes();
    for (int k = 0; k < samParameters.length; k++) {
      if (GenericTypes.resolve(samParameters[k], interfaceBindings).equals(variable)) {
        Type precise =
            implementation == null
                ? null
                : implementationParameter(implementation, implClass, lambda, k);
        return checked(precise, instantiated.parameterType(k), variable, where + implementedBy);
      }
    }
    throw new InvalidTypesException(
        "Cannot determine type "
            + variable.getName()
            + " of "
            + where
            + implementedBy
            + " (Java erases lambda generics): "
            + variable.getName()
            + " appears only inside a generic type of "
            + sam.getName()
            + "'s signature. "
            + RETURNS_ADVICE);
  }

  private static SerializedLambda serializedLambda(
      Object function, Class<?> functionInterface, TypeVariable<?> variable) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(function) instanceof SerializedLambda lambda) {
        return lambda;
      }
    } catch (NoSuchMethodException e) {
      // not serializable: reported below
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidTypesException(
          "Cannot determine type "
              + variable.getName()
              + " of a lambda for "
              + functionInterface.getSimpleName()
              + ": inspecting it failed ("
              + e
              + "). "
              + RETURNS_ADVICE,
          e);
    }
    throw new InvalidTypesException(
        "Cannot determine type "
            + variable.getName()
            + " of a lambda for "
            + functionInterface.getSimpleName()
            + ": the lambda is not serializable, so its implementation cannot be inspected."
            + " Function interfaces must extend java.io.Serializable. "
            + RETURNS_ADVICE);
  }

  /**
   * The generic type if it is fully known and agrees with the erased one; else the erased type,
   * which must not be a generic class (its type arguments are lost).
   */
  private static Type checked(
      Type precise, Class<?> erased, TypeVariable<?> variable, String where) {
    if (precise != null
        && !(precise instanceof Class<?>)
        && GenericTypes.findTypeVariable(precise) == null
        && erased.isAssignableFrom(GenericTypes.rawClass(precise))) {
      return precise;
    }
    Type boxed = GenericTypes.box(erased);
    if (boxed instanceof Class<?> c && c.getTypeParameters().length > 0) {
      throw new InvalidTypesException(
          "Cannot determine type "
              + variable.getName()
              + " of "
              + where
              + " (Java erases lambda generics): it is a "
              + c.getName()
              + ", whose type arguments are unknown. "
              + RETURNS_ADVICE);
    }
    if (boxed instanceof Class<?> c && c.isArray() && hasGenericComponent(c)) {
      throw new InvalidTypesException(
          "Cannot determine type "
              + variable.getName()
              + " of "
              + where
              + " (Java erases lambda generics): it is a "
              + c.getTypeName()
              + " of a generic class. "
              + RETURNS_ADVICE);
    }
    return boxed;
  }

  private static boolean hasGenericComponent(Class<?> arrayClass) {
    Class<?> component = arrayClass;
    while (component.isArray()) {
      component = component.getComponentType();
    }
    return component.getTypeParameters().length > 0;
  }

  private static Type genericReturnType(Executable implementation, Class<?> implClass) {
    return implementation instanceof Method method ? method.getGenericReturnType() : implClass;
  }

  /**
   * The generic type of the implementation's parameter that receives the interface method's
   * parameter {@code k}: captured arguments come first, and an instance method's receiver counts as
   * its first parameter.
   */
  private static Type implementationParameter(
      Executable implementation, Class<?> implClass, SerializedLambda lambda, int k) {
    List<Type> parameters = new ArrayList<>();
    int kind = lambda.getImplMethodKind();
    if (kind == MethodHandleInfo.REF_invokeVirtual
        || kind == MethodHandleInfo.REF_invokeInterface
        || kind == MethodHandleInfo.REF_invokeSpecial) {
      parameters.add(implClass);
    }
    Type[] generic = implementation.getGenericParameterTypes();
    parameters.addAll(
        Arrays.asList(
            generic.length == implementation.getParameterCount()
                ? generic
                : implementation.getParameterTypes()));
    int index = lambda.getCapturedArgCount() + k;
    return index < parameters.size() ? parameters.get(index) : null;
  }

  private static Executable findImplementation(Class<?> implClass, String name, String descriptor) {
    for (Class<?> c = implClass; c != null; c = c.getSuperclass()) {
      Executable found = findDeclared(c, name, descriptor);
      if (found != null) {
        return found;
      }
    }
    for (Class<?> itf : implClass.getInterfaces()) {
      Executable found = findDeclared(itf, name, descriptor);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Executable findDeclared(Class<?> c, String name, String descriptor) {
    if (name.equals("<init>")) {
      for (Constructor<?> constructor : c.getDeclaredConstructors()) {
        if (descriptor(void.class, constructor.getParameterTypes()).equals(descriptor)) {
          return constructor;
        }
      }
      return null;
    }
    for (Method method : c.getDeclaredMethods()) {
      if (method.getName().equals(name)
          && descriptor(method.getReturnType(), method.getParameterTypes()).equals(descriptor)) {
        return method;
      }
    }
    return null;
  }

  private static String descriptor(Class<?> returnType, Class<?>[] parameterTypes) {
    return MethodType.methodType(returnType, parameterTypes).toMethodDescriptorString();
  }

  /** The one abstract method of a functional interface, wherever it is declared. */
  static Method singleAbstractMethod(Class<?> functionInterface) {
    Map<String, Method> abstractMethods = new LinkedHashMap<>();
    for (Method method : functionInterface.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers()) && !isObjectMethod(method)) {
        abstractMethods.putIfAbsent(
            method.getName() + descriptor(void.class, method.getParameterTypes()), method);
      }
    }
    if (abstractMethods.size() != 1) {
      throw new IllegalArgumentException(
          functionInterface.getName()
              + " is not a functional interface: it has "
              + abstractMethods.size()
              + " abstract methods");
    }
    return abstractMethods.values().iterator().next();
  }

  private static boolean isObjectMethod(Method method) {
    try {
      Object.class.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
