package io.kasa.domain.archsamples;

/** Deliberately bad: prints to the console instead of logging. */
public final class ClassPrintingToConsole {

  public void report(Exception e) {
    System.out.println("failed");
    e.printStackTrace();
  }
}
