package io.kasa.service.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's test vectors (Appendix B) and RFC 4648's base32. */
class TotpTest {

  private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256 =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512 =
      ("1234567890123456789012345678901234567890123456789012345678901234")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void rfc6238Vectors() {
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
    String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
    for (int i = 0; i < times.length; i++) {
      long step = Totp.step(times[i]);
      assertThat(Totp.code(SHA1, step, 8, "HmacSHA1")).isEqualTo(sha1[i]);
      assertThat(Totp.code(SHA256, step, 8, "HmacSHA256")).isEqualTo(sha256[i]);
      assertThat(Totp.code(SHA512, step, 8, "HmacSHA512")).isEqualTo(sha512[i]);
    }
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcsEight() {
    assertThat(Totp.code(SHA1, Totp.step(59))).isEqualTo("287082");
    assertThat(Totp.code(SHA1, Totp.step(1111111109))).isEqualTo("081804");
  }

  @Test
  void aCodeMatchesOneStepEitherSideAndNeverTwice() {
    long now = Totp.step(1111111111L);
    String previous = Totp.code(SHA1, now - 1);
    assertThat(Totp.match(SHA1, previous, now, null)).isEqualTo(now - 1);
    assertThat(Totp.match(SHA1, previous, now, now - 1)).isEqualTo(-1);
    assertThat(Totp.match(SHA1, Totp.code(SHA1, now - 2), now, null)).isEqualTo(-1);
    assertThat(Totp.match(SHA1, Totp.code(SHA1, now + 1), now, null)).isEqualTo(now + 1);
    assertThat(Totp.match(SHA1, "12345", now, null)).isEqualTo(-1);
    assertThat(Totp.match(SHA1, null, now, null)).isEqualTo(-1);
  }

  @Test
  void keysAreBase32AndTheUriIsWhatAppsRead() {
    assertThat(Totp.base32(SHA1)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(Totp.uri("Kasa", "owner@kolosok.example", SHA1))
        .isEqualTo(
            "otpauth://totp/Kasa:owner%40kolosok.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Kasa&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void passwordsAreSlowSaltedHashesThatVerify() {
    Passwords p = new Passwords(1_000);
    String h = p.hash("correct horse battery");
    assertThat(h).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct");
    assertThat(p.hash("correct horse battery")).isNotEqualTo(h);
    assertThat(p.verify("correct horse battery", h)).isTrue();
    assertThat(p.verify("correct horse batterz", h)).isFalse();
    assertThat(p.verify("anything", null)).isFalse();
    assertThat(p.verify("anything", "garbage")).isFalse();
    assertThat(Passwords.problem("short")).isEqualTo("password.tooShort");
    assertThat(Passwords.problem("x".repeat(201))).isEqualTo("password.tooLong");
    assertThat(Passwords.problem("long enough pw")).isNull();
    assertThat(Passwords.DEFAULT_ITERATIONS).isEqualTo(600_000);
  }
}
