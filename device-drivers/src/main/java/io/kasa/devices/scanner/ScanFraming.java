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
 * Splits a scanner's byte stream into scans: an optional prefix to strip, a terminator (CR, LF, CR
 * LF or Tab; configurable), and a maximum length beyond which input is junk. Stateful: feed it
 * chunks as they arrive.
 */
public final class ScanFraming {

  /** Scanner terminators. */
  public enum Terminator {
    CR("\r"),
    LF("\n"),
    CRLF("\r\n"),
    TAB("\t"),
    /** Any of CR, LF or Tab; an LF right after CR is skipped. */
    ANY(null);

    private final String text;

    Terminator(String text) {
      this.text = text;
    }
  }

  /**
   * A frame: the text between prefix and terminator, or junk.
   *
   * @param text the scan, without prefix, suffix and terminator
   * @param overlong true when more than the maximum arrived before a terminator (text is cut)
   */
  public record Frame(String text, boolean overlong) {}

  private final String prefix;
  private final String suffix;
  private final Terminator terminator;
  private final int maxLength;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private boolean overlong;
  private boolean lastWasCr;

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
      if (terminator == Terminator.ANY) {
        if (c == '\n' && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = c == '\r';
        if (c == '\r' || c == '\n' || c == '\t') {
          frames.add(complete());
          continue;
        }
      } else {
        String t = terminator.text;
        if (c == t.charAt(t.length() - 1) && endsWith(t.substring(0, t.length() - 1))) {
          byte[] all = buffer.toByteArray();
          buffer.reset();
          buffer.write(all, 0, all.length - (t.length() - 1));
          frames.add(complete());
          continue;
        }
      }
      if (buffer.size() < maxLength) {
        buffer.write(bytes[i]);
      } else {
        overlong = true;
      }
    }
    return frames;
  }

  /** Whatever arrived without a terminator yet, as a frame; empties the buffer. */
  public Frame flush() {
    return complete();
  }

  public boolean hasPartial() {
    return buffer.size() > 0 || overlong;
  }

  private boolean endsWith(String s) {
    if (s.isEmpty()) {
      return true;
    }
    byte[] all = buffer.toByteArray();
    if (all.length < s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if ((char) (all[all.length - s.length() + k] & 0xff) != s.charAt(k)) {
        return false;
      }
    }
    return true;
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
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    if (!suffix.isEmpty() && text.endsWith(suffix)) {
      text = text.substring(0, text.length() - suffix.length());
    }
    return new Frame(text, wasOverlong);
  }
}
