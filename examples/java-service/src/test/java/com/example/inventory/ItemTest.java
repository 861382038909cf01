package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ItemTest {

  @Test
  void rejectsSkuWithSpaces() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Item("KB 01", "Keyboard", 100));
    assertEquals("bad SKU 'KB 01': use 1 to 32 letters, digits or dashes", e.getMessage());
  }

  @Test
  void rejectsBlankNameAndNegativePrice() {
    assertThrows(IllegalArgumentException.class, () -> new Item("KB-01", " ", 100));
    assertThrows(IllegalArgumentException.class, () -> new Item("KB-01", "Keyboard", -1));
  }
}
