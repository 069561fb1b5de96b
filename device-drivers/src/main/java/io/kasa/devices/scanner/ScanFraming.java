package io.kasa.devices.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a scanner's byte stream into scans: a prefix the scanner must send (stripped; a frame
 * without it is marked), a terminator (CR, LF, CR LF or Tab; configurable), and a maximum length
 * beyond which input is junk. The terminator is recognised whatever came before it, so after an
 * over-long line the next scan is framed cleanly. Stateful: feed it chunks as they arrive, from one
 * thread.
 */
public final class ScanFraming {

  /** Scanner terminators. */
  public enum Terminator {
    CR('\r'),
    LF('\n'),
    /** CR then LF; a CR not followed by LF is part of the scan. */
    CRLF('\n'),
    TAB('\t'),
    /** Any of CR, LF or Tab; an LF right after CR is skipped. */
    ANY('\0');

    private final char last;

    Terminator(char last) {
      this.last = last;
    }
  }

  /**
   * A frame: the text between prefix and terminator, or junk.
   *
   * @param text the scan, without prefix, suffix and terminator
   * @param overlong true when more than the maximum arrived before a terminator (text is cut)
   * @param missingPrefix true when a prefix is configured and the frame did not start with it (text
   *     is the frame as it came)
   */
  public record Frame(String text, boolean overlong, boolean missingPrefix) {

    /** A frame that had its prefix (or needed none). */
    public Frame(String text, boolean overlong) {
      this(text, overlong, false);
    }
  }

  private final String prefix;
  private final String suffix;
  private final Terminator terminator;
  private final int maxLength;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private boolean overlong;
  private boolean lastWasCr;
  private boolean pendingCr;

  /**
   * @param prefix what the scanner sends before each code (its characters, e.g. {@code "\u0002"}
   *     for STX; see {@link ControlNames#decode} for the written form), or empty
   * @param suffix what it sends between the code and the terminator, or empty
   */
  public ScanFraming(String prefix, String suffix, Terminator terminator, int maxLength) {
    this.prefix = Objects.requireNonNullElse(prefix, "");
    this.suffix = Objects.requireNonNullElse(suffix, "");
    this.terminator = Objects.requireNonNull(terminator, "terminator");
    if (maxLength < 8) {
      throw new IllegalArgumentException("Maximum scan length must be at least 8: " + maxLength);
    }
    this.maxLength = maxLength;
  }

  /** CR or LF terminated, no prefix, up to 512 characters: the common factory setting. */
  public static ScanFraming defaults() {
    return new ScanFraming("", "", Terminator.ANY, 512);
  }

  /** Feeds bytes; returns the frames they complete. */
  public List<Frame> feed(byte[] bytes, int length) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      char c = (char) (bytes[i] & 0xff);
      switch (terminator) {
        case ANY -> {
          if (c == '\n' && lastWasCr) {
            lastWasCr = false;
            continue;
          }
          lastWasCr = c == '\r';
          if (c == '\r' || c == '\n' || c == '\t') {
            frames.add(complete());
            continue;
          }
        }
        case CRLF -> {
          // The CR is held back, not buffered: a full buffer must not hide it from the LF.
          if (pendingCr) {
            pendingCr = false;
            if (c == '\n') {
              frames.add(complete());
              continue;
            }
            append((byte) '\r');
          }
          if (c == '\r') {
            pendingCr = true;
            continue;
          }
        }
        default -> {
          if (c == terminator.last) {
            frames.add(complete());
            continue;
          }
        }
      }
      append(bytes[i]);
    }
    return frames;
  }

  /** Whatever arrived without a terminator yet, as a frame; empties the buffer. */
  public Frame flush() {
    if (pendingCr) {
      pendingCr = false;
      append((byte) '\r');
    }
    return complete();
  }

  /** Forgets whatever arrived without a terminator (the scanner went away half-way). */
  public void discard() {
    buffer.reset();
    overlong = false;
    lastWasCr = false;
    pendingCr = false;
  }

  public boolean hasPartial() {
    return buffer.size() > 0 || overlong || pendingCr;
  }

  private void append(byte b) {
    if (buffer.size() < maxLength) {
      buffer.write(b);
    } else {
      overlong = true;
    }
  }

  /** UTF-8 where the bytes are valid UTF-8 (QR codes), otherwise one character per byte. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private Frame complete() {
    String text = decode(buffer.toByteArray());
    buffer.reset();
    boolean wasOverlong = overlong;
    overlong = false;
    boolean missingPrefix = false;
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    } else {
      missingPrefix = !text.isEmpty();
    }
    if (!missingPrefix && !suffix.isEmpty() && text.endsWith(suffix)) {
      text = text.substring(0, text.length() - suffix.length());
    }
    return new Frame(text, wasOverlong, missingPrefix);
  }
}
