package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

  private final Item mouse = new Item("MS-02", "Mouse", 1_999);
  private final PriceCalculator calculator = new PriceCalculator(List.of(
      new Discount.PercentOff("SPRING10", 10),
      new Discount.BulkPercentOff("BULK15", 10, 15)));

  @Test
  void withoutCodesTheTotalIsUnitPriceTimesQuantity() {
    PriceCalculator.Quote quote = calculator.quote(mouse, 3, List.of());

    assertEquals(5_997, quote.subtotalCents());
    assertEquals(5_997, quote.totalCents());
    assertEquals(Optional.empty(), quote.discountCode());
  }

  @Test
  void appliesOnlyTheBestDiscount() {
    PriceCalculator.Quote quote = calculator.quote(mouse, 10, List.of("SPRING10", "BULK15"));

    assertEquals(Optional.of("BULK15"), quote.discountCode());
    assertEquals(2_999, quote.savingCents()); // 15% of 199.90, rounded half up
    assertEquals(16_991, quote.totalCents());
  }

  @Test
  void fallsBackWhenTheBulkMinimumIsNotReached() {
    PriceCalculator.Quote quote = calculator.quote(mouse, 2, List.of("BULK15", "SPRING10"));

    assertEquals(Optional.of("SPRING10"), quote.discountCode());
    assertEquals(3_598, quote.totalCents());
  }

  @Test
  void rejectsUnknownCodesAndEmptyLines() {
    assertEquals("unknown discount code FREE",
        assertThrows(InventoryException.class, () -> calculator.quote(mouse, 1, List.of("FREE"))).getMessage());
    assertThrows(InventoryException.class, () -> calculator.quote(mouse, 0, List.of()));
  }

  @Test
  void rejectsTwoDiscountsWithOneCode() {
    List<Discount> twice = List.of(new Discount.PercentOff("X", 5), new Discount.PercentOff("X", 7));
    assertThrows(IllegalStateException.class, () -> new PriceCalculator(twice));
  }
}
