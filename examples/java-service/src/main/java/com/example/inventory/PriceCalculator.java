package com.example.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prices order lines: the unit price times the quantity, less the best discount that applies. */
public final class PriceCalculator {

  /**
   * The price of one order line; amounts in cents.
   *
   * @param discountCode the code of the discount applied, or empty when none saved anything
   */
  public record Quote(Item item, int quantity, long subtotalCents, long savingCents, Optional<String> discountCode) {

    public long totalCents() {
      return subtotalCents - savingCents;
    }
  }

  private final Map<String, Discount> discounts;

  /**
   * @param discounts the discounts customers may use, each code once
   * @throws IllegalArgumentException when two discounts share a code
   */
  public PriceCalculator(List<Discount> discounts) {
    this.discounts = discounts.stream().collect(Collectors.toUnmodifiableMap(Discount::code, Function.identity()));
  }

  /**
   * Prices {@code quantity} units of {@code item}, applying the best of the discounts whose codes
   * the customer gave.
   *
   * @throws InventoryException when the quantity is below 1 or a code is unknown
   */
  public Quote quote(Item item, int quantity, List<String> codes) {
    if (quantity < 1) {
      throw new InventoryException("quantity must be 1 or more, not " + quantity);
    }
    long subtotal = Math.multiplyExact(item.unitPriceCents(), (long) quantity);
    Optional<Discount> best = codes.stream()
        .map(this::discount)
        .filter(d -> d.savingCents(subtotal, quantity) > 0)
        .max(Comparator.comparingLong(d -> d.savingCents(subtotal, quantity)));
    return new Quote(item, quantity, subtotal,
        best.map(d -> d.savingCents(subtotal, quantity)).orElse(0L),
        best.map(Discount::code));
  }

  private Discount discount(String code) {
    Discount d = discounts.get(code);
    if (d == null) {
      throw new InventoryException("unknown discount code " + code);
    }
    return d;
  }
}
