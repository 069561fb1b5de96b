package io.kasa.devices.cli;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "store-logo",
    mixinStandardHelpOptions = true,
    description = "Store a logo in the printer's NV memory from an image file.")
final class StoreLogoCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin PrinterOptions options = new PrinterOptions();

  @Option(
      names = "--image",
      required = true,
      paramLabel = "FILE",
      description = "PNG, JPEG, GIF or BMP image")
  Path image;

  @Option(
      names = "--key",
      defaultValue = "K1",
      description = "Two-character key to store it under (default ${DEFAULT-VALUE})")
  String key;

  @Override
  public Integer call() throws Exception {
    BufferedImage source = Files.isReadable(image) ? ImageIO.read(image.toFile()) : null;
    if (source == null) {
      throw new IOException("Cannot read an image from " + image);
    }
    try (PrinterSession s = new PrinterSession(options)) {
      MonochromeImage logo = MonochromeImage.fromImage(source, s.profile.paperWidthDots());
      s.print("store logo", new EscPos(s.profile).initialize().storeNvLogo(key, logo).toBytes());
      spec.commandLine()
          .getOut()
          .printf("Stored a %dx%d logo under key %s%n", logo.widthDots(), logo.heightDots(), key);
      return 0;
    }
  }
}
