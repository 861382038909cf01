package com.example.inventory;

/** A request the inventory cannot honour; the message says why in words a user understands. */
public final class InventoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InventoryException(String message) {
    super(message);
  }
}
