package io.kasa.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stock commands against a real embedded PostgreSQL in a data directory (ADR 0032). */
class StockCommandsTest {

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
  void aManagerCountsAdjustsAndImportsAStoresStockAllOrNothing() throws IOException {
    String data = dir.resolve("pg").toString();
    Run seeded = run("admin", "seed-demo", "--data", data);
    assertThat(seeded.code()).as(seeded.err()).isZero();
    List<String> lines = seeded.out().lines().toList();
    String org = lines.get(0).replace("organisation ", "");
    String store = lines.get(1).replace("store ", "").replace(" (K1)", "");
    List<String> where = List.of("--data", data, "--org", org, "--store", store);

    Run counted = run(args("set-stock", where, "--item", "4820000191357", "--quantity", "20"));
    assertThat(counted.code()).as(counted.err()).isZero();
    assertThat(counted.out())
        .as("the demo opened with 24 loaves")
        .contains("K1 bread: COUNT 24.000 -> 20.000 (-4.000)");

    Run damaged =
        run(
            args(
                "adjust-stock",
                where,
                "--item",
                "SKU-BREAD",
                "--change",
                "-1,5",
                "--reason",
                "damage",
                "--note",
                "розчавлено"));
    assertThat(damaged.code()).as(damaged.err()).isZero();
    assertThat(damaged.out()).contains("K1 bread: DAMAGE 20.000 -> 18.500 (-1.500)");

    Run wrongWay =
        run(args("adjust-stock", where, "--item", "bread", "--change", "3", "--reason", "THEFT"));
    assertThat(wrongWay.code()).isNotZero();
    assertThat(wrongWay.err()).contains("THEFT takes stock away");
    Run unknown = run(args("set-stock", where, "--item", "nope", "--quantity", "1"));
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("no item with id, SKU or barcode 'nope'");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "item,quantity\nbread,7\nmilk,lots\nghost,1\n", StandardCharsets.UTF_8);
    Run rejected = run(args("import-stock", where, bad.toString()));
    assertThat(rejected.code()).isEqualTo(1);
    assertThat(rejected.err())
        .contains("bad.csv: line 3: quantity is a number")
        .contains("bad.csv: line 4: no item with id, SKU or barcode 'ghost'")
        .contains("nothing imported: 2 bad row(s)");

    Path good = dir.resolve("good.csv");
    Files.writeString(good, "item,quantity\nbread,7\n12345,\"4,250\"\n", StandardCharsets.UTF_8);
    Run imported = run(args("import-stock", where, good.toString()));
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("2 item(s) counted");
    Run again = run(args("set-stock", where, "--item", "bread", "--quantity", "7"));
    assertThat(again.out())
        .as("the file's count of bread, not the bad file's, is the stock")
        .contains("K1 bread: COUNT 7.000 -> 7.000 (+0.000)");

    Run missing = run(args("import-stock", where, dir.resolve("nope.csv").toString()));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").contains("nope.csv");
  }

  private static String[] args(String command, List<String> where, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of("admin", command));
    all.addAll(where);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
