package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InventoryTest {

  private final Inventory inventory = new Inventory();

  @BeforeEach
  void stockKeyboards() {
    inventory.add(new Item("KB-01", "Keyboard", 4_990));
    inventory.receive("KB-01", 10);
  }

  @Test
  void reservingLowersWhatIsAvailableButNotWhatIsOnHand() {
    inventory.reserve("KB-01", 3);

    Inventory.Stock stock = inventory.find("KB-01");
    assertEquals(10, stock.onHand());
    assertEquals(3, stock.reserved());
    assertEquals(7, stock.available());
  }

  @Test
  void cannotReserveMoreThanIsAvailable() {
    inventory.reserve("KB-01", 8);

    InventoryException e = assertThrows(InventoryException.class, () -> inventory.reserve("KB-01", 3));
    assertEquals("cannot reserve 3 of KB-01: only 2 available", e.getMessage());
    assertEquals(8, inventory.find("KB-01").reserved());
  }

  @Test
  void releasingGivesUnitsBack() {
    inventory.reserve("KB-01", 4);
    inventory.release("KB-01", 4);

    assertEquals(10, inventory.find("KB-01").available());
    assertThrows(InventoryException.class, () -> inventory.release("KB-01", 1));
  }

  @Test
  void shippingTakesUnitsOffTheShelf() {
    inventory.reserve("KB-01", 4);
    inventory.ship("KB-01", 3);

    Inventory.Stock stock = inventory.find("KB-01");
    assertEquals(7, stock.onHand());
    assertEquals(1, stock.reserved());
    assertThrows(InventoryException.class, () -> inventory.ship("KB-01", 2));
  }

  @Test
  void rejectsDuplicateAndUnknownItems() {
    assertEquals("item KB-01 already exists",
        assertThrows(InventoryException.class, () -> inventory.add(new Item("KB-01", "Other", 1))).getMessage());
    assertEquals("no item XX-99",
        assertThrows(InventoryException.class, () -> inventory.receive("XX-99", 1)).getMessage());
  }

  @Test
  void rejectsZeroOrNegativeUnits() {
    assertThrows(InventoryException.class, () -> inventory.receive("KB-01", 0));
    assertThrows(InventoryException.class, () -> inventory.reserve("KB-01", -2));
  }

  @Test
  void listsItemsInTheOrderTheyWereAdded() {
    inventory.add(new Item("AA-01", "Adapter", 500));

    List<String> skus = inventory.all().stream().map(s -> s.item().sku()).toList();
    assertEquals(List.of("KB-01", "AA-01"), skus);
  }
}
