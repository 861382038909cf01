package com.example.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Talks to a real Redis server at {@code $REDIS_HOST:$REDIS_PORT} (default {@code localhost:6379})
 * over a plain socket in the Redis serialization protocol (RESP 2), with no client library.
 * Runs only with {@code mvn -Pintegration verify}; a missing server fails the test, it is not skipped.
 */
class RedisIT {

  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private String key;

  @BeforeEach
  void connect() throws IOException {
    String host = System.getenv().getOrDefault("REDIS_HOST", "localhost");
    int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
    socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), 5_000);
    } catch (IOException e) {
      throw new IOException("no Redis server at " + host + ":" + port + " (set REDIS_HOST and REDIS_PORT)", e);
    }
    socket.setSoTimeout(5_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
    key = "inventory-it:" + UUID.randomUUID();
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (socket.isConnected()) {
      command("DEL", key);
      socket.close();
    }
  }

  @Test
  void answersPing() throws IOException {
    assertEquals("PONG", command("PING"));
  }

  @Test
  void storesAndReadsBackTheStockReport() throws IOException {
    Inventory inventory = new Inventory();
    inventory.add(new Item("KB-01", "Keyboard", 4_990));
    inventory.receive("KB-01", 12);
    String report = StockReport.render(inventory, 5);

    assertEquals("OK", command("SET", key, report));
    assertEquals(report, command("GET", key));
  }

  @Test
  void readsNothingForAMissingKey() throws IOException {
    assertNull(command("GET", key));
  }

  /** Sends one command as a RESP array of bulk strings and reads its reply. */
  private String command(String... words) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String word : words) {
      byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
      request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.writeBytes(bytes);
      request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(request.toByteArray());
    out.flush();
    return reply();
  }

  /**
   * Reads one reply: a simple string ({@code +OK}), an integer ({@code :1}, as text), a bulk string
   * ({@code $5 hello}, or {@code $-1}: null) or an error ({@code -ERR ...}: thrown).
   */
  private String reply() throws IOException {
    String line = line();
    String rest = line.substring(1);
    switch (line.charAt(0)) {
      case '+', ':':
        return rest;
      case '-':
        throw new IOException("Redis error: " + rest);
      case '$': {
        int length = Integer.parseInt(rest);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length + 2); // the data and its CRLF
        if (data.length != length + 2) {
          throw new IOException("Redis closed the connection in a reply");
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
      }
      default:
        throw new IOException("unexpected Redis reply: " + line);
    }
  }

  /** One CRLF-terminated line, without the CRLF. */
  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("Redis closed the connection");
      }
      bytes.write(b);
    }
    String line = bytes.toString(StandardCharsets.UTF_8);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
