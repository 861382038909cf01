package com.example.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: runs a script of inventory commands, one a line, and prints what they do.
 *
 * <pre>
 * add SKU PRICE NAME...            a new item, for example: add KB-01 49.90 Keyboard
 * receive|reserve|release|ship SKU UNITS
 * discount CODE PERCENT [MIN]      a discount code; with MIN only from MIN units on
 * price SKU QUANTITY [CODE...]     the price of an order line with the best of the codes
 * report                           the stock table
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. The script stops at the first command
 * that fails. Exit status: 0 done, 1 a command failed, 2 bad usage or an unreadable file.
 */
public final class InventoryCli {

  /** Items at or below this many available units are marked low in the report. */
  private static final int LOW_STOCK = 5;

  private static final List<String> DEMO = List.of(
      "add KB-01 49.90 Mechanical keyboard",
      "add MS-02 19.99 Wireless mouse",
      "add MN-27 229.00 27-inch monitor",
      "receive KB-01 40",
      "receive MS-02 120",
      "receive MN-27 8",
      "discount SPRING10 10",
      "discount BULK15 15 10",
      "reserve MS-02 25",
      "price MS-02 25 SPRING10 BULK15",
      "reserve MN-27 4",
      "ship MN-27 2",
      "price KB-01 1 SPRING10",
      "report");

  private final Inventory inventory = new Inventory();
  private final List<Discount> discounts = new ArrayList<>();
  private final PrintStream out;

  private InventoryCli(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with {@code args}: {@code demo}, a script file, or {@code -} for standard input. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: inventory demo | inventory SCRIPT-FILE | inventory -   (commands on standard input)");
      return 2;
    }
    List<String> lines;
    try {
      lines = switch (args[0]) {
        case "demo" -> DEMO;
        case "-" -> new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
        default -> Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
      };
    } catch (IOException e) {
      err.println("inventory: cannot read " + args[0] + ": " + e.getMessage());
      return 2;
    }
    return new InventoryCli(out).script(lines, err);
  }

  private int script(List<String> lines, PrintStream err) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        execute(line.split("\\s+"));
      } catch (InventoryException | IllegalArgumentException e) {
        err.println("line " + (i + 1) + ": " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }

  private void execute(String[] words) {
    String command = words[0];
    switch (command) {
      case "add" -> {
        arguments(words, 3, Integer.MAX_VALUE, "add SKU PRICE NAME...");
        Item item = new Item(words[1], String.join(" ", Arrays.copyOfRange(words, 3, words.length)),
            Money.parse(words[2]));
        inventory.add(item);
        out.println("added " + item.sku() + " (" + item.name() + ") at " + Money.format(item.unitPriceCents()));
      }
      case "receive", "reserve", "release", "ship" -> {
        arguments(words, 2, 2, command + " SKU UNITS");
        String sku = words[1];
        int units = number(words[2]);
        switch (command) {
          case "receive" -> inventory.receive(sku, units);
          case "reserve" -> inventory.reserve(sku, units);
          case "release" -> inventory.release(sku, units);
          default -> inventory.ship(sku, units);
        }
        out.println(command + " " + units + " of " + sku + ": " + inventory.find(sku).available() + " available");
      }
      case "discount" -> {
        arguments(words, 2, 3, "discount CODE PERCENT [MIN]");
        int percent = number(words[2]);
        Discount discount = words.length == 4
            ? new Discount.BulkPercentOff(words[1], number(words[3]), percent)
            : new Discount.PercentOff(words[1], percent);
        discounts.add(discount);
        out.println("discount " + discount.code() + ": " + percent + "% off"
            + (words.length == 4 ? " from " + words[3] + " units" : ""));
      }
      case "price" -> {
        arguments(words, 2, Integer.MAX_VALUE, "price SKU QUANTITY [CODE...]");
        PriceCalculator.Quote quote = new PriceCalculator(discounts).quote(inventory.find(words[1]).item(),
            number(words[2]), Arrays.asList(words).subList(3, words.length));
        out.println("price " + quote.quantity() + " x " + quote.item().sku() + ": "
            + Money.format(quote.subtotalCents())
            + quote.discountCode().map(c -> " - " + Money.format(quote.savingCents()) + " (" + c + ")").orElse("")
            + " = " + Money.format(quote.totalCents()));
      }
      case "report" -> {
        arguments(words, 0, 0, "report");
        out.print(StockReport.render(inventory, LOW_STOCK));
      }
      default -> throw new IllegalArgumentException("unknown command '" + command + "'");
    }
  }

  private static void arguments(String[] words, int min, int max, String usage) {
    int given = words.length - 1;
    if (given < min || given > max) {
      throw new IllegalArgumentException("usage: " + usage);
    }
  }

  private static int number(String word) {
    try {
      return Integer.parseInt(word);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + word + "' is not a whole number");
    }
  }
}
