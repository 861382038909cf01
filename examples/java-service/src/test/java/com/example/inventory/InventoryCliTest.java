package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return InventoryCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void demoPricesOrdersAndPrintsTheReport() {
    assertEquals(0, run("demo"));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("price 25 x MS-02: 499.75 - 74.96 (BULK15) = 424.79"), printed);
    assertTrue(printed.contains("price 1 x KB-01: 49.90 - 4.99 (SPRING10) = 44.91"), printed);
    assertTrue(printed.contains("3 items, 1 low on stock, available value 4811.05"), printed);
  }

  @Test
  void runsAScriptFileAndStopsAtTheFirstFailingLine(@TempDir Path dir) throws IOException {
    Path script = Files.writeString(dir.resolve("orders.txt"),
        "# a tiny shop\nadd KB-01 49.90 Keyboard\nreceive KB-01 2\n\nreserve KB-01 3\nreport\n");

    assertEquals(1, run(script.toString()));

    assertEquals("line 5: cannot reserve 3 of KB-01: only 2 available\n", err.toString(StandardCharsets.UTF_8));
    assertTrue(!out.toString(StandardCharsets.UTF_8).contains("SKU"), "the report after the failure must not run");
  }

  @Test
  void explainsUnknownCommandsAndWrongArguments(@TempDir Path dir) throws IOException {
    assertEquals(1, run(Files.writeString(dir.resolve("a.txt"), "sell KB-01 1\n").toString()));
    assertEquals(1, run(Files.writeString(dir.resolve("b.txt"), "receive KB-01\n").toString()));
    assertEquals(1, run(Files.writeString(dir.resolve("c.txt"), "add KB-01 1 Keyboard\nreceive KB-01 many\n")
        .toString()));

    assertEquals("line 1: unknown command 'sell'\n"
        + "line 1: usage: receive SKU UNITS\n"
        + "line 2: 'many' is not a whole number\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path dir) {
    assertEquals(2, run());
    assertEquals(2, run(dir.resolve("missing.txt").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read"));
  }
}
