package com.example.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items with their stock: units on hand and units reserved for orders not yet shipped. Only the
 * units on hand that no order reserved are available. Not thread-safe.
 */
public final class Inventory {

  /** What the inventory knows of one item; the counts are units. */
  public record Stock(Item item, int onHand, int reserved) {

    public int available() {
      return onHand - reserved;
    }
  }

  private final Map<String, Stock> stock = new LinkedHashMap<>();

  /**
   * Adds a new item with no stock.
   *
   * @throws InventoryException when an item with the same SKU exists
   */
  public void add(Item item) {
    if (stock.containsKey(item.sku())) {
      throw new InventoryException("item " + item.sku() + " already exists");
    }
    stock.put(item.sku(), new Stock(item, 0, 0));
  }

  /** Records {@code units} (1 or more) arriving for an existing item. */
  public void receive(String sku, int units) {
    requirePositive(units);
    Stock s = find(sku);
    stock.put(sku, new Stock(s.item(), s.onHand() + units, s.reserved()));
  }

  /**
   * Sets {@code units} aside for an order.
   *
   * @throws InventoryException when fewer than {@code units} are available
   */
  public void reserve(String sku, int units) {
    requirePositive(units);
    Stock s = find(sku);
    if (s.available() < units) {
      throw new InventoryException(
          "cannot reserve " + units + " of " + sku + ": only " + s.available() + " available");
    }
    stock.put(sku, new Stock(s.item(), s.onHand(), s.reserved() + units));
  }

  /** Gives back {@code units} of an earlier reservation, for example when an order is cancelled. */
  public void release(String sku, int units) {
    requirePositive(units);
    Stock s = find(sku);
    if (s.reserved() < units) {
      throw new InventoryException("cannot release " + units + " of " + sku + ": only " + s.reserved() + " reserved");
    }
    stock.put(sku, new Stock(s.item(), s.onHand(), s.reserved() - units));
  }

  /** Ships {@code units} of a reservation: they leave both the reserved and the on-hand count. */
  public void ship(String sku, int units) {
    requirePositive(units);
    Stock s = find(sku);
    if (s.reserved() < units) {
      throw new InventoryException("cannot ship " + units + " of " + sku + ": only " + s.reserved() + " reserved");
    }
    stock.put(sku, new Stock(s.item(), s.onHand() - units, s.reserved() - units));
  }

  /**
   * The stock of one item.
   *
   * @throws InventoryException when there is no item with that SKU
   */
  public Stock find(String sku) {
    Stock s = stock.get(sku);
    if (s == null) {
      throw new InventoryException("no item " + sku);
    }
    return s;
  }

  /** Every item's stock, in the order the items were added. */
  public List<Stock> all() {
    return List.copyOf(stock.values());
  }

  private static void requirePositive(int units) {
    if (units < 1) {
      throw new InventoryException("units must be 1 or more, not " + units);
    }
  }
}
