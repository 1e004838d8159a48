package gx.enrollment.gateway.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Types by their first bytes only. */
class MaterialTypeUnitTests {

  @Test
  void recognises_jpeg_png_and_pdf_by_their_signatures() {
    assertThat(sniff(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'))
        .hasValue(MaterialType.JPEG);
    assertThat(sniff(0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f')).hasValue(MaterialType.JPEG);
    assertThat(sniff(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0)).hasValue(MaterialType.PNG);
    assertThat(MaterialType.sniff(bytes("%PDF-1.7\n%âãÏÓ"), 8)).hasValue(MaterialType.PDF);
  }

  @Test
  void refuses_anything_else_whatever_it_would_be_called() {
    assertThat(sniff('M', 'Z', 0x90, 0, 3, 0, 0, 0)).isEmpty(); // a Windows executable
    assertThat(sniff(0x7F, 'E', 'L', 'F', 2, 1, 1, 0)).isEmpty(); // a Linux one
    assertThat(sniff('P', 'K', 3, 4, 20, 0, 0, 0)).isEmpty(); // zip, docx
    assertThat(sniff('G', 'I', 'F', '8', '9', 'a', 1, 0)).isEmpty();
    assertThat(MaterialType.sniff(bytes("<html><script>"), 8)).isEmpty();
    assertThat(MaterialType.sniff(bytes(" %PDF-1.7"), 8)).as("not at the start").isEmpty();
  }

  @Test
  void needs_the_whole_signature() {
    assertThat(sniff(0xFF, 0xD8)).isEmpty();
    assertThat(sniff(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A)).isEmpty();
    assertThat(MaterialType.sniff(bytes("%PDF"), 4)).isEmpty();
    assertThat(sniff()).isEmpty();
    assertThat(sniff(0xFF, 0xD8, 0xFF)).hasValue(MaterialType.JPEG);
    assertThat(MaterialType.sniff(bytes("%PDF-"), 5)).hasValue(MaterialType.PDF);
  }

  @Test
  void looks_only_at_the_bytes_said_to_be_content() {
    byte[] buffer = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0};
    assertThat(MaterialType.sniff(buffer, 2)).isEmpty();
    assertThat(MaterialType.sniff(buffer, 3)).hasValue(MaterialType.JPEG);
  }

  @Test
  void names_the_media_type_and_extension_of_each() {
    assertThat(MaterialType.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(MaterialType.PNG.mediaType()).isEqualTo("image/png");
    assertThat(MaterialType.PDF.mediaType()).isEqualTo("application/pdf");
    assertThat(MaterialType.ofMediaType("application/pdf")).isEqualTo(MaterialType.PDF);
    assertThat(MaterialType.JPEG.extension()).isEqualTo("jpg");
  }

  private static java.util.Optional<MaterialType> sniff(int... values) {
    byte[] head = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      head[i] = (byte) values[i];
    }
    return MaterialType.sniff(head, head.length);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
