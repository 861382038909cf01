package com.example.inventory;

import java.math.BigDecimal;

/** Conversions between amounts in cents (a {@code long}) and their text form ({@code 12.50}). */
public final class Money {

  private Money() {
  }

  /**
   * Reads an amount like {@code 12}, {@code 12.5} or {@code 12.50}.
   *
   * @throws IllegalArgumentException when the text is not a non-negative amount with at most two decimals
   */
  public static long parse(String text) {
    try {
      BigDecimal amount = new BigDecimal(text);
      if (amount.signum() < 0 || amount.scale() > 2) {
        throw new IllegalArgumentException("bad amount '" + text + "': use a price like 12.50");
      }
      return amount.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("bad amount '" + text + "': use a price like 12.50", e);
    }
  }

  /** Writes an amount in cents with two decimals, for example {@code 1250} as {@code 12.50}. */
  public static String format(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }
}
