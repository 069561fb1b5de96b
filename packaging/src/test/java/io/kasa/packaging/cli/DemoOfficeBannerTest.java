package io.kasa.packaging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import io.kasa.service.admin.DemoData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's start-up banner names the back office and the owner's sign-in (issue 22's acceptance):
 * on the real service, the printed address serves the sign-in page and the printed password signs
 * the owner in; the next start prints no password, only how to get a new one.
 */
class DemoOfficeBannerTest {

  @Test
  void theBannerSignsTheOwnerIn() throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      DemoData.OfficeOwner owner =
          KasaDemo.officeOwner(cloud.services, cloud.demo.organisationId());
      assertThat(owner).isNotNull();
      List<String> banner = KasaDemo.officeBanner(cloud.app.port(), Path.of("kasa-demo"), owner);

      Matcher office =
          Pattern.compile("^Office: +(http://localhost:\\d+(/office/))").matcher(banner.get(0));
      assertThat(office.find()).as(banner.get(0)).isTrue();
      assertThat(cloud.send("GET", office.group(2) + "sign-in", null, Map.of()).body())
          .contains("action=\"/office/sign-in\"");

      Matcher sign =
          Pattern.compile("^Owner: +(\\S+@\\S+) password (\\S+) ").matcher(banner.get(1));
      assertThat(sign.find()).as(banner.get(1)).isTrue();
      TestCloud.Reply r =
          cloud.send(
              "POST",
              "/v1/office/sessions",
              "{\"email\":\"" + sign.group(1) + "\",\"password\":\"" + sign.group(2) + "\"}",
              Map.of());
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("account").get("role").asText()).isEqualTo("owner");

      // Kept only hashed: no column holds the password.
      long clear =
          cloud
              .database
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from office_account where password_hash like :p")
                          .bind("p", "%" + owner.password() + "%")
                          .mapTo(Long.class)
                          .one());
      assertThat(clear).isZero();

      // The next start finds the owner and prints how to get a new password instead.
      assertThat(KasaDemo.officeOwner(cloud.services, cloud.demo.organisationId())).isNull();
      List<String> later = KasaDemo.officeBanner(cloud.app.port(), Path.of("kasa-demo"), null);
      assertThat(later.get(1))
          .contains(DemoData.OWNER_EMAIL, "office-reset-link")
          .doesNotContain(owner.password());
    }
  }
}
