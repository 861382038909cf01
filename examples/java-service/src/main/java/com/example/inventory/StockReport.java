package com.example.inventory;

import java.util.List;

/** A plain-text table of every item's stock and the value of what is available. */
public final class StockReport {

  private static final String ROW = "%-10s %-20s %8s %8s %9s %12s%n";

  private StockReport() {
  }

  /** The report: a header, one line per item (in inventory order), items low on stock marked, and totals. */
  public static String render(Inventory inventory, int lowStockThreshold) {
    List<Inventory.Stock> all = inventory.all();
    StringBuilder out = new StringBuilder();
    out.append(String.format(ROW, "SKU", "NAME", "ON HAND", "RESERVED", "AVAILABLE", "VALUE"));
    long totalValue = 0;
    int low = 0;
    for (Inventory.Stock s : all) {
      long value = s.item().unitPriceCents() * s.available();
      totalValue += value;
      boolean isLow = s.available() <= lowStockThreshold;
      if (isLow) {
        low++;
      }
      out.append(String.format(ROW, s.item().sku(), s.item().name() + (isLow ? " (low)" : ""),
          s.onHand(), s.reserved(), s.available(), Money.format(value)));
    }
    out.append(String.format("%d items, %d low on stock, available value %s%n",
        all.size(), low, Money.format(totalValue)));
    return out.toString();
  }
}
