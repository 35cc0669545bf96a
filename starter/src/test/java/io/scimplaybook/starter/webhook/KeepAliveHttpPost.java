package io.scimplaybook.starter.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's webhook sender: HTTP/1.1 POSTs over one kept-alive loopback connection per calling thread, with
 * the request written in one piece and only the status line, headers and a Content-Length body read back. It shares
 * the two cores with the starter and the test server, so it is kept as lean as a sender can be: the JDK's
 * HttpURLConnection spends about as much CPU per request as the starter's whole signal-with-start call and keeps
 * only five idle connections for sixteen threads. Reads Content-Length and chunked answers, so a server that does
 * not know its answer's length up front keeps the connection too; reconnects when the server closes it.
 */
final class KeepAliveHttpPost implements AutoCloseable {

  private final InetSocketAddress address;
  private final byte[] head;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  /** {@code headers} are complete lines without the line end, such as {@code Authorization: Bearer ...}. */
  KeepAliveHttpPost(int port, String path, String... headers) {
    this.address = new InetSocketAddress("127.0.0.1", port);
    StringBuilder text = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
        .append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    this.head = text.append("Content-Length: ").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one POST and returns the answer, its body read to the end so the connection can carry the next one. */
  Answer post(byte[] body) throws IOException {
    Connection connection = connections.get();
    if (connection == null) {
      return exchange(connect(), body);
    }
    try {
      return exchange(connection, body);
    } catch (IOException e) {
      // A kept-alive connection the server closed while it sat idle (its keep-alive timeout, e.g. between rounds)
      // fails the next request before the server read it: once on a fresh connection, as HTTP clients do.
      return exchange(connect(), body);
    }
  }

  private Connection connect() throws IOException {
    Connection connection = new Connection(address);
    open.add(connection);
    connections.set(connection);
    return connection;
  }

  private Answer exchange(Connection connection, byte[] body) throws IOException {
    try {
      Answer answer = connection.exchange(head, body);
      if (answer.close()) {
        drop(connection);
      }
      return answer;
    } catch (IOException e) {
      drop(connection);
      throw e;
    }
  }

  private void drop(Connection connection) {
    connections.remove();
    open.remove(connection);
    connection.close();
  }

  @Override
  public void close() {
    open.forEach(Connection::close);
    open.clear();
  }

  /** Status and body of one answer, and whether the server ends the connection after it. */
  record Answer(int status, String body, boolean close) {}

  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(512);

    Connection(InetSocketAddress address) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, 5_000);
      socket.setSoTimeout(30_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    Answer exchange(byte[] head, byte[] body) throws IOException {
      request.reset();
      request.write(head);
      request.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      request.write('\r');
      request.write('\n');
      request.write('\r');
      request.write('\n');
      request.write(body);
      request.writeTo(out);
      out.flush();

      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.1 answer: '" + statusLine + "'");
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      if (chunked) {
        return new Answer(status, new String(chunks(), StandardCharsets.UTF_8), close);
      }
      if (length < 0) {
        // Neither a length nor chunks: the body runs to the end of the connection.
        return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
      }
      return new Answer(status, new String(exactly(length), StandardCharsets.UTF_8), close);
    }

    /** A chunked body (what a server sends when it does not know the length up front), trailers skipped. */
    private byte[] chunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        body.write(exactly(size));
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // Trailers carry nothing the benchmark needs.
      }
      return body.toByteArray();
    }

    private int chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private byte[] exactly(int length) throws IOException {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new IOException("connection closed inside an answer");
      }
      return bytes;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed by the server");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Nothing is left to send on it.
      }
    }
  }
}
