package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StockReportTest {

  @Test
  void marksLowStockAndTotalsTheAvailableValue() {
    Inventory inventory = new Inventory();
    inventory.add(new Item("KB-01", "Keyboard", 4_990));
    inventory.add(new Item("MN-27", "Monitor", 22_900));
    inventory.receive("KB-01", 40);
    inventory.receive("MN-27", 8);
    inventory.reserve("MN-27", 4);

    String[] lines = StockReport.render(inventory, 5).split("\n");

    assertEquals(4, lines.length);
    assertEquals("SKU        NAME                  ON HAND RESERVED AVAILABLE        VALUE", lines[0]);
    assertEquals("KB-01      Keyboard                   40        0        40      1996.00", lines[1]);
    assertEquals("MN-27      Monitor (low)               8        4         4       916.00", lines[2]);
    assertEquals("2 items, 1 low on stock, available value 2912.00", lines[3]);
  }

  @Test
  void reportsAnEmptyInventory() {
    assertEquals("0 items, 0 low on stock, available value 0.00",
        StockReport.render(new Inventory(), 5).lines().reduce((a, b) -> b).orElseThrow());
  }
}
