package gx.enrollment.gateway.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored file names: safe to show and to send back, with the extension of the real type. */
class MaterialFileNamesUnitTests {

  @Test
  void keeps_a_plain_name() {
    assertThat(MaterialFileNames.sanitise("户口簿 首页.jpg", MaterialType.JPEG)).isEqualTo("户口簿 首页.jpg");
    assertThat(MaterialFileNames.sanitise("scan.JPEG", MaterialType.JPEG)).isEqualTo("scan.JPEG");
    assertThat(MaterialFileNames.sanitise("不动产权证书.pdf", MaterialType.PDF)).isEqualTo("不动产权证书.pdf");
  }

  @Test
  void keeps_only_the_last_path_segment() {
    assertThat(MaterialFileNames.sanitise("C:\\Users\\a\\居住证.png", MaterialType.PNG))
        .isEqualTo("居住证.png");
    assertThat(MaterialFileNames.sanitise("../../etc/passwd", MaterialType.PDF))
        .isEqualTo("passwd.pdf");
  }

  @Test
  void ends_in_the_extension_of_what_the_content_is() {
    assertThat(MaterialFileNames.sanitise("photo.exe", MaterialType.JPEG))
        .isEqualTo("photo.exe.jpg");
    assertThat(MaterialFileNames.sanitise("photo.png", MaterialType.PDF))
        .isEqualTo("photo.png.pdf");
  }

  @Test
  void drops_control_and_invisible_formatting_characters() {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "photo\u202Egpj.exe" as "photoexe.jpg".
    assertThat(MaterialFileNames.sanitise("photo\u202Egpj.exe", MaterialType.PDF))
        .isEqualTo("photogpj.exe.pdf");
    assertThat(MaterialFileNames.sanitise("a\r\nb\u0000c.pdf", MaterialType.PDF))
        .isEqualTo("abc.pdf");
    assertThat(MaterialFileNames.sanitise("a\"b<c>|d?.pdf", MaterialType.PDF))
        .isEqualTo("a_b_c__d_.pdf");
  }

  @Test
  void names_a_nameless_file_after_its_type() {
    assertThat(MaterialFileNames.sanitise(null, MaterialType.PNG)).isEqualTo("material.png");
    assertThat(MaterialFileNames.sanitise("  ", MaterialType.PDF)).isEqualTo("material.pdf");
    assertThat(MaterialFileNames.sanitise("...", MaterialType.JPEG)).isEqualTo("material.jpg");
    assertThat(MaterialFileNames.sanitise(".pdf", MaterialType.PDF)).isEqualTo("pdf.pdf");
  }

  @Test
  void limits_the_length_keeping_the_extension() {
    String name = MaterialFileNames.sanitise("证".repeat(300) + ".pdf", MaterialType.PDF);

    assertThat(name.codePointCount(0, name.length())).isEqualTo(MaterialFileNames.MAX_CODE_POINTS);
    assertThat(name).endsWith("证.pdf");
    String astral = MaterialFileNames.sanitise("😀".repeat(150), MaterialType.PNG);
    assertThat(astral.codePointCount(0, astral.length()))
        .isEqualTo(MaterialFileNames.MAX_CODE_POINTS);
    assertThat(astral).endsWith(".png").doesNotContain("\uFFFD");
  }
}
