package dev.alvh.app.cli;

import java.util.concurrent.Callable;

/** A subcommand that exists in the command line but is not built yet: says so and exits 2. */
abstract class NotBuiltYet implements Callable<Integer> {

  private final String name;

  NotBuiltYet(String name) {
    this.name = name;
  }

  @Override
  public Integer call() {
    System.err.println("alvh " + name + ": not built yet in this version; see README.md for what works");
    return 2;
  }
}
