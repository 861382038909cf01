package com.example.inventory;

import java.util.Objects;

/**
 * A product the inventory tracks.
 *
 * @param sku            stock keeping unit: 1 to 32 letters, digits or dashes, unique in an inventory
 * @param name           what a person reads in a report; not blank
 * @param unitPriceCents price of one unit in cents; zero or more
 */
public record Item(String sku, String name, long unitPriceCents) {

  public Item {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    if (!sku.matches("[A-Za-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("bad SKU '" + sku + "': use 1 to 32 letters, digits or dashes");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("item " + sku + " needs a name");
    }
    if (unitPriceCents < 0) {
      throw new IllegalArgumentException("item " + sku + " has a negative price");
    }
  }
}
