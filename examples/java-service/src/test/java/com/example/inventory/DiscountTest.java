package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiscountTest {

  @Test
  void percentOffRoundsHalfUpToWholeCents() {
    Discount tenPercent = new Discount.PercentOff("SPRING10", 10);
    assertEquals(100, tenPercent.savingCents(999, 1)); // 99.9 cents
    assertEquals(99, tenPercent.savingCents(994, 1)); // 99.4 cents
  }

  @Test
  void bulkDiscountSavesNothingBelowItsMinimum() {
    Discount bulk = new Discount.BulkPercentOff("BULK15", 10, 15);
    assertEquals(0, bulk.savingCents(9_000, 9));
    assertEquals(1_500, bulk.savingCents(10_000, 10));
  }

  @Test
  void rejectsPercentOutsideOneToHundred() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Discount.PercentOff("HALF", 150));
    assertEquals("discount HALF: percent must be 1 to 100, not 150", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Discount.BulkPercentOff("BULK", 1, 10));
  }
}
