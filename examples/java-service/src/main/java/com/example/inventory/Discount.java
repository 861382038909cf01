package com.example.inventory;

/**
 * A price reduction on one order line. Discounts never stack: {@link PriceCalculator} applies the
 * one that saves the most.
 */
public sealed interface Discount permits Discount.PercentOff, Discount.BulkPercentOff {

  /** The amount in cents this discount takes off a line of {@code quantity} units costing {@code subtotalCents}. */
  long savingCents(long subtotalCents, int quantity);

  /** A code a customer types, for example {@code SPRING10}. */
  String code();

  /**
   * A percentage off every order.
   *
   * @param percent 1 to 100
   */
  record PercentOff(String code, int percent) implements Discount {

    public PercentOff {
      checkPercent(code, percent);
    }

    @Override
    public long savingCents(long subtotalCents, int quantity) {
      return percentOf(subtotalCents, percent);
    }
  }

  /**
   * A percentage off orders of at least {@code minQuantity} units; nothing off smaller ones.
   *
   * @param minQuantity 2 or more
   * @param percent     1 to 100
   */
  record BulkPercentOff(String code, int minQuantity, int percent) implements Discount {

    public BulkPercentOff {
      checkPercent(code, percent);
      if (minQuantity < 2) {
        throw new IllegalArgumentException("discount " + code + ": a bulk discount needs a minimum of 2 or more");
      }
    }

    @Override
    public long savingCents(long subtotalCents, int quantity) {
      return quantity >= minQuantity ? percentOf(subtotalCents, percent) : 0;
    }
  }

  private static void checkPercent(String code, int percent) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a discount needs a code");
    }
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("discount " + code + ": percent must be 1 to 100, not " + percent);
    }
  }

  /** {@code percent}% of an amount, rounded half up to whole cents. */
  private static long percentOf(long cents, int percent) {
    return (cents * percent + 50) / 100;
  }
}
