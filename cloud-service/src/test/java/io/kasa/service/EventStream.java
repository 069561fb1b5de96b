package io.kasa.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent event stream read line by line, as the text/event-stream format defines it. */
public final class EventStream implements AutoCloseable {

  /** One event: its id, its name and its data. */
  public record Event(String id, String name, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;

  public EventStream(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(b::header);
    response =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r -> {
          status = r.statusCode();
          Thread reader = new Thread(() -> read(r.body()), "event-stream-reader");
          reader.setDaemon(true);
          reader.start();
        });
  }

  private void read(Stream<String> lines) {
    List<String> data = new ArrayList<>();
    String[] idAndName = new String[2];
    try {
      lines.forEach(
          line -> {
            if (line.isEmpty()) {
              if (!data.isEmpty()) {
                events.add(new Event(idAndName[0], idAndName[1], String.join("\n", data)));
              }
              data.clear();
              idAndName[1] = null;
            } else if (line.startsWith("id:")) {
              idAndName[0] = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
              idAndName[1] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
              data.add(line.substring(5).strip());
            }
          });
    } catch (RuntimeException closed) {
      // The stream ended: close() or the server went away.
    }
  }

  /** The HTTP status, once the answer's head arrived. */
  public int status() throws Exception {
    return response.get(10, TimeUnit.SECONDS).statusCode();
  }

  /** The next event, waiting up to {@code seconds}, or null. */
  Event next(long seconds) throws InterruptedException {
    return events.poll(seconds, TimeUnit.SECONDS);
  }

  /** The next event whose name is {@code name}, skipping others, or null. */
  public Event next(String name, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Event e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e != null && name.equals(e.name())) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
