package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({"12, 1200, 12.00", "12.5, 1250, 12.50", "0.07, 7, 0.07"})
  void parsesAndFormatsInCents(String text, long cents, String formatted) {
    assertEquals(cents, Money.parse(text));
    assertEquals(formatted, Money.format(cents));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.005", "ten", ""})
  void rejectsWhatIsNotAPrice(String text) {
    assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
  }
}
