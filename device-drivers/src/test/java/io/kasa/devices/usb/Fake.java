package io.kasa.devices.usb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds javax.usb interface instances from the methods the emulation implements; any other method
 * fails loudly, so a driver calling something the emulation does not model is caught.
 */
final class Fake {

  /** One emulated method. */
  @FunctionalInterface
  interface Method {
    Object call(Object[] args) throws Exception;
  }

  private Fake() {}

  static <T> T of(Class<T> type, String name, Map<String, Method> methods) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "toString":
              return name;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              break;
          }
          Method m = methods.get(method.getName());
          if (m == null) {
            throw new UnsupportedOperationException(
                name + "." + method.getName() + " is not emulated");
          }
          try {
            return m.call(args == null ? new Object[0] : args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(Fake.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
