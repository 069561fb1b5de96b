package io.kasa.service.tmp;

import io.kasa.service.TestCloud;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  @Test
  void experiment() throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      for (String req :
          new String[] {
            "BREW /v1/sales HTTP/1.1\r\nHost: x\r\n\r\n",
            "PATCH /v1/sales HTTP/1.1\r\nHost: x\r\n\r\n",
            "HEAD /v1/sales HTTP/1.1\r\nHost: x\r\n\r\n",
            "FOO /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
          }) {
        for (boolean shut : new boolean[] {true, false}) {
          try (Socket s = new Socket("127.0.0.1", cloud.app.port())) {
            s.setSoTimeout(3000);
            s.getOutputStream()
                .write(
                    (shut ? req : req.replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n"))
                        .getBytes(StandardCharsets.US_ASCII));
            if (shut) s.shutdownOutput();
            String r;
            try {
              r = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
              r = "EXC " + e;
            }
            System.out.println("=== " + shut + " " + req + "\n" + r);
          }
        }
      }
    }
  }
}
