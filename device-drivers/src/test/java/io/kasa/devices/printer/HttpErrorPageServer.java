package io.kasa.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real TCP listener that answers whatever it is sent with an HTTP 400 page and hangs up, as a web
 * server (a router's admin page, a label printer's web interface) does on a port a technician
 * mistook for the printer's 9100.
 */
final class HttpErrorPageServer implements AutoCloseable {

  static final String PAGE =
      "HTTP/1.1 400 Bad Request\r\n"
          + "Server: nginx\r\n"
          + "Content-Type: text/html\r\n"
          + "Content-Length: 150\r\n"
          + "Connection: close\r\n"
          + "\r\n"
          + "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n"
          + "<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n"
          + "</body>\r\n</html>\r\n";

  private final ServerSocket server;
  private final Thread thread;

  HttpErrorPageServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "http error page");
    thread.setDaemon(true);
    thread.start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        if (in.read() < 0) {
          continue;
        }
        OutputStream out = s.getOutputStream();
        out.write(PAGE.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        s.shutdownOutput();
        // Drain what else the client sends until it hangs up, as servers do before closing.
        s.setSoTimeout(2_000);
        byte[] rest = new byte[256];
        while (in.read(rest) >= 0) {
          // discard
        }
      } catch (IOException e) {
        // the client hung up or the server was closed: serve the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
