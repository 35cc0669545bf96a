package io.scimplaybook.workflows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps the fake activities so that every call first reads the run back from the server: the view an operator has
 * while that activity runs. Activities run on worker threads; the list is safe to read from the test thread.
 */
final class ObservedActivities {
  final List<OperatorView> views = new CopyOnWriteArrayList<>();
  private volatile PlaybookTestEnvironment environment;

  /** The environment is built with {@link #wrap} already in place; calls only start once this is set. */
  void observe(PlaybookTestEnvironment t) {
    environment = t;
  }

  Object wrap(Object activities) {
    Class<?> type = activities.getClass();
    return Proxy.newProxyInstance(type.getClassLoader(), type.getInterfaces(), (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        views.add(OperatorView.read(method.getName(), environment));
      }
      try {
        return method.invoke(activities, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  /** The views taken at each call of {@code activity}, in call order. */
  List<OperatorView> at(String activity) {
    return views.stream().filter(v -> v.label().equals(activity)).toList();
  }
}
