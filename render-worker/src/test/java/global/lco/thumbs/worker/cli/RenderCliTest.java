package global.lco.thumbs.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.worker.compare.PictureFiles;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.render.Picture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCliTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("Renders a tile-compressed LCO frame to a JPEG fitted in the requested box")
  void rendersFile() throws IOException {
    var out = dir.resolve("thumb.jpg");
    var args = CliArguments.parse(new String[] {"--width", "300", "--height", "300", "--label", "tfn0m414", "--median",
        Corpus.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz").toString(), out.toString()});
    assertThat(RenderCli.run(args)).isZero();
    var image = ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(image.getHeight()).isEqualTo(201);
    assertThat(Files.list(dir)).containsExactly(out);
  }

  @Test
  @DisplayName("--color renders three frames (red, green, blue) to one RGB JPEG")
  void rendersColour() throws IOException {
    var out = dir.resolve("colour.jpg");
    var args = CliArguments.parse(new String[] {"--color", "--width", "100",
        Corpus.fits("color/gc_2mass_k.fits").toString(), Corpus.fits("color/gc_2mass_h.fits").toString(),
        Corpus.fits("color/gc_2mass_j.fits").toString(), out.toString()});
    assertThat(args.color()).isTrue();
    assertThat(RenderCli.run(args)).isZero();
    var image = ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(100);
    assertThat(image.getColorModel().getNumComponents()).isEqualTo(3);
  }

  @Test
  @DisplayName("--raw-png also keeps the image before JPEG encoding, the same size as the JPEG, grey for one frame")
  void rawPng() throws IOException {
    var out = dir.resolve("thumb.jpg");
    var raw = dir.resolve("thumb.png");
    var args = CliArguments.parse(new String[] {"--width", "120", "--raw-png", raw.toString(),
        Corpus.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz").toString(), out.toString()});

    assertThat(RenderCli.run(args)).isZero();

    var picture = PictureFiles.read(raw);
    var jpeg = ImageIO.read(out.toFile());
    assertThat(picture.channels()).isEqualTo(1);
    assertThat(picture.width()).isEqualTo(jpeg.getWidth()).isEqualTo(120);
    assertThat(picture.height()).isEqualTo(jpeg.getHeight());
  }

  @Test
  @DisplayName("compare prints the differences of two images; a grey image against its RGB copy differs nowhere")
  void compareGreyWithRgb() throws IOException {
    var grey = dir.resolve("grey.png");
    var rgb = dir.resolve("rgb.png");
    var picture = new Picture(new byte[] {0, 50, 100, (byte) 200, 30, 60}, 3, 2, 1);
    PictureFiles.write(picture, grey);
    PictureFiles.write(PictureFiles.rgb(picture), rgb);
    var printed = new ByteArrayOutputStream();
    var stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(CompareCli.run(new String[] {"compare", grey.toString(), rgb.toString()})).isZero();
    } finally {
      System.setOut(stdout);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("mean difference 0.000 / 0.000 / 0.000").contains("0 of 6 pixels differ");
  }

  @Test
  @DisplayName("--color needs exactly three inputs and one output")
  void colourNeedsThreeInputs() {
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--color", "r.fits", "g.fits", "out.jpg"}))
        .hasMessageContaining("three input");
  }

  @Test
  @DisplayName("An unreadable file exits with 1 and writes nothing")
  void unreadableFile() throws IOException {
    var input = dir.resolve("page.fits");
    Files.writeString(input, "<html><body>Not Found</body></html>");
    var out = dir.resolve("thumb.jpg");
    assertThat(RenderCli.run(CliArguments.parse(new String[] {input.toString(), out.toString()}))).isEqualTo(1);
    assertThat(Files.list(dir)).containsExactly(input);
  }

  @Test
  @DisplayName("Options are checked with the HTTP API's ranges")
  void optionRanges() {
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--width", "0", "a.fits", "b.jpg"}))
        .hasMessageContaining("--width");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--quality", "101", "a.fits", "b.jpg"}))
        .hasMessageContaining("--quality");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--percentile", "0", "a.fits", "b.jpg"}))
        .hasMessageContaining("--percentile");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"a.fits"})).hasMessageContaining("one input");
    assertThatThrownBy(() -> CliArguments.parse(new String[] {"--bogus", "a.fits", "b.jpg"})).hasMessageContaining("--bogus");
  }

  @Test
  @DisplayName("Defaults are the service's: 200x200 box, quality 80, no median")
  void defaults() {
    var args = CliArguments.parse(new String[] {"in.fits", "out.jpg"});
    assertThat(args.params().width()).isEqualTo(200);
    assertThat(args.params().quality()).isEqualTo(80);
    assertThat(args.params().median()).isFalse();
  }
}
