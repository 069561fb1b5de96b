package io.kasa.terminal.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Pictures of the register for the docs, taken during the UI tests when asked: {@code
 * -Dkasa.screenshots=DIR} writes {@code DIR/NAME.png} from the scene as rendered (NAME may name a
 * folder under DIR).
 */
final class Screenshots {

  private Screenshots() {}

  static void saveIfAsked(FxRobot robot, Scene scene, String name) {
    String dir = System.getProperty("kasa.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    AtomicReference<WritableImage> shot = new AtomicReference<>();
    robot.interact(() -> shot.set(scene.snapshot(null)));
    WritableImage image = shot.get();
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      Path file = Path.of(dir, name + ".png");
      Files.createDirectories(file.getParent());
      ImageIO.write(out, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
