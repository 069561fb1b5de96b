package io.kasa.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operator's commands against a real embedded PostgreSQL in a data directory. */
class KasaCloudCliTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KasaCloud());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void importsAGoodCatalogueAndRejectsABadOneWholeListingEveryBadLine() throws IOException {
    String data = dir.resolve("pg").toString();
    Run seeded = run("admin", "seed-demo", "--data", data);
    assertThat(seeded.code()).isZero();
    String org = seeded.out().lines().findFirst().orElseThrow().replace("organisation ", "");

    String header =
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n";
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        header
            + "6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01,S-1,Хліб,4820000000011,EACH,21.50,VAT20,,,,\n"
            + "6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a02,S-2,Bad price,,EACH,abc,VAT20,,,,\n"
            + "6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a03,S-3,Bad tax,,EACH,1.00,NOPE,,,,\n",
        StandardCharsets.UTF_8);
    Run rejected = run("admin", "import-catalog", "--org", org, "--data", data, bad.toString());
    assertThat(rejected.code()).isEqualTo(1);
    assertThat(rejected.err())
        .contains("bad.csv: line 3: price 'abc'")
        .contains("bad.csv: line 4: tax class 'NOPE'")
        .contains("nothing imported: 2 bad row(s)");

    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        header
            + "6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01,S-1,Хліб,4820000000011,EACH,21.50,VAT20,,,,\n",
        StandardCharsets.UTF_8);
    Run imported = run("admin", "import-catalog", "--org", org, "--data", data, good.toString());
    assertThat(imported.code()).isZero();
    assertThat(imported.out()).contains("1 item(s) imported");

    Run missing =
        run(
            "admin",
            "import-catalog",
            "--org",
            org,
            "--data",
            data,
            dir.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").contains("nope.csv");
  }

  @Test
  void theStoresIdentityAndALabelLayoutAreSetAndAMistypedTaxIdIsRefusedWithWhatIsWrong() {
    String data = dir.resolve("pg").toString();
    Run seeded = run("admin", "seed-demo", "--data", data);
    assertThat(seeded.code()).isZero();
    String org = seeded.out().lines().findFirst().orElseThrow().replace("organisation ", "");
    String store =
        seeded
            .out()
            .lines()
            .filter(l -> l.startsWith("store "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    Run wrong =
        run(
            "admin",
            "set-store-identity",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--tax-id",
            "43151208");
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("ЄДРПОУ 43151208 is mistyped: its check digit does not match");
    Run set =
        run(
            "admin",
            "set-store-identity",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--legal-name",
            "ФОП Іваненко І. І.",
            "--tax-id",
            "3047125689",
            "--vat-number",
            "",
            "--header",
            "Тут смачно\\nЩодня");
    assertThat(set.code()).as(set.err()).isZero();
    Run layout =
        run(
            "admin",
            "set-barcode-layout",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--prefix",
            "28",
            "--kind",
            "PRICE",
            "--item-digits",
            "4",
            "--value-digits",
            "6");
    assertThat(layout.code()).as(layout.err()).isZero();
    assertThat(layout.out()).contains("reads labels 28 as PRICE");
    Run outside =
        run(
            "admin",
            "set-barcode-layout",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--prefix",
            "31",
            "--kind",
            "WEIGHT");
    assertThat(outside.code()).isEqualTo(1);
    assertThat(outside.err()).contains("20 to 29");
    Run rules =
        run(
            "admin",
            "set-store-rules",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--time-zone",
            "Europe/Warsaw",
            "--tax-mode",
            "exclusive",
            "--cash-increment",
            "50");
    assertThat(rules.code()).as(rules.err()).isZero();
    assertThat(rules.out()).contains("rules set");
    Run zone =
        run(
            "admin",
            "set-store-rules",
            "--data",
            data,
            "--org",
            org,
            "--store",
            store,
            "--time-zone",
            "Kyiv");
    assertThat(zone.code()).isEqualTo(1);
    assertThat(zone.err()).contains("IANA zone id");
  }

  @Test
  void aManagerChangesAPriceAddsACashierChangesAPinAndDismissesThem() {
    String data = dir.resolve("pg").toString();
    Run seeded = run("admin", "seed-demo", "--data", data);
    assertThat(seeded.code()).isZero();
    String org = seeded.out().lines().findFirst().orElseThrow().replace("organisation ", "");

    Run priced =
        run(
            "admin",
            "set-price",
            "--data",
            data,
            "--org",
            org,
            "--item",
            "SKU-P1",
            "--price",
            "1999");
    assertThat(priced.code()).as(priced.err()).isZero();
    assertThat(priced.out()).contains("item p1 now costs 1999");
    Run unknown =
        run("admin", "set-price", "--data", data, "--org", org, "--item", "nope", "--price", "1");
    assertThat(unknown.code()).isNotZero();

    Run limited =
        run(
            "admin",
            "set-price-limits",
            "--data",
            data,
            "--org",
            org,
            "--item",
            "SKU-GIFT",
            "--min",
            "1000",
            "--max",
            "50000");
    assertThat(limited.code()).as(limited.err()).isZero();
    assertThat(limited.out()).contains("item gift sells from 1000 up to 50000");
    Run upsideDown =
        run(
            "admin",
            "set-price-limits",
            "--data",
            data,
            "--org",
            org,
            "--item",
            "SKU-GIFT",
            "--min",
            "50000",
            "--max",
            "1000");
    assertThat(upsideDown.code()).isNotZero();
    assertThat(upsideDown.err()).contains("above the highest");
    Run fixed =
        run(
            "admin",
            "set-price-limits",
            "--data",
            data,
            "--org",
            org,
            "--item",
            "SKU-P1",
            "--max",
            "50000");
    assertThat(fixed.code()).isNotZero();
    assertThat(fixed.err()).contains("fixed price");

    Run added =
        run(
            "admin",
            "create-employee",
            "--data",
            data,
            "--org",
            org,
            "--name",
            "Марта",
            "--role",
            "CASHIER",
            "--pin",
            "1357");
    assertThat(added.code()).as(added.err()).isZero();
    String marta = added.out().strip();
    Run pin =
        run("admin", "set-pin", "--data", data, "--org", org, "--employee", marta, "--pin", "2468");
    assertThat(pin.code()).as(pin.err()).isZero();
    Run dismissed =
        run("admin", "deactivate-employee", "--data", data, "--org", org, "--employee", marta);
    assertThat(dismissed.code()).as(dismissed.err()).isZero();
    assertThat(dismissed.out()).contains("deactivated");
    Run again =
        run("admin", "set-pin", "--data", data, "--org", org, "--employee", marta, "--pin", "3579");
    assertThat(again.code()).as("a dismissed employee gets no new PIN").isNotZero();
  }
}
