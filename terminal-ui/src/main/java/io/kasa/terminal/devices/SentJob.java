package io.kasa.terminal.devices;

import io.kasa.devices.profile.PrinterProfile;
import java.time.Instant;
import java.util.List;

/**
 * A job the technician's bench sent to a device: the bytes exactly as they went out, with what is
 * needed to read them back (the profile numbers the printer's code pages).
 *
 * @param kind what it was
 * @param at when it was sent
 * @param device the URI of the device it went to
 * @param profile the profile of the printer that reads it
 * @param bytes the bytes sent
 * @param lines the text lines it prints, as laid out for the paper (empty when it prints none)
 */
public record SentJob(
    Kind kind,
    Instant at,
    String device,
    PrinterProfile profile,
    byte[] bytes,
    List<String> lines) {

  /** What the bench sends. */
  public enum Kind {
    TEST_PAGE("test-page"),
    KITCHEN_TEST("kitchen-test"),
    FALLBACK_TEST("fallback-test"),
    DRAWER_PULSE("drawer-pulse"),
    LOGO("logo"),
    SUMMARY("summary");

    private final String file;

    Kind(String file) {
      this.file = file;
    }

    /** The start of the names of the files it is kept in ({@code test-page-…}). */
    public String file() {
      return file;
    }
  }

  public SentJob {
    bytes = bytes.clone();
    lines = List.copyOf(lines);
  }

  /** The bytes sent (a copy). */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** How many bytes were sent. */
  public int size() {
    return bytes.length;
  }
}
