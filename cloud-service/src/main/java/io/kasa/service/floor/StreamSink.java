package io.kasa.service.floor;

import io.javalin.http.sse.SseClient;

/**
 * A store's floor events written to one server-sent-events client (ADR 0012): each event under its
 * kind with its number as the id, a {@code RESET} naming where the client now stands, a keep-alive
 * comment; each answers whether the client is still there. The floor's stream and the kitchen's
 * (ADR 0053) and the kitchen screen's (ADR 0055) write through it.
 */
public final class StreamSink implements FloorEvents.Sink {

  private final SseClient client;

  public StreamSink(SseClient client) {
    this.client = client;
  }

  /** Tells {@code client} to start over from event {@code last} (reload what it shows). */
  public static void reset(SseClient client, long last) {
    client.sendEvent("RESET", "{\"last\":" + last + "}", Long.toString(last));
  }

  @Override
  public boolean send(long id, String kind, String json) {
    client.sendEvent(kind, json, Long.toString(id));
    return !client.terminated();
  }

  @Override
  public boolean reset(long last) {
    reset(client, last);
    return !client.terminated();
  }

  @Override
  public boolean keepAlive() {
    client.sendComment("keep-alive");
    return !client.terminated();
  }

  @Override
  public void close() {
    client.close();
  }
}
