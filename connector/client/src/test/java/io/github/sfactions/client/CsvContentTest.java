package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvContentTest {

  @Test
  void streamsAFileWithItsLengthAndCanBeWrittenTwice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("batch.csv");
    Files.writeString(file, "LastName\nZoë\n", StandardCharsets.UTF_8);
    CsvContent content = CsvContent.of(file);
    assertThat(content.contentLength()).isEqualTo(Files.size(file));
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      content.writeTo(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("LastName\nZoë\n");
    }
  }

  @Test
  void textIsEncodedAsUtf8() throws Exception {
    CsvContent content = CsvContent.of("Name\né\n");
    assertThat(content.contentLength()).isEqualTo(8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    content.writeTo(out);
    assertThat(out.toByteArray()).isEqualTo("Name\né\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingFileHasUnknownLength(@TempDir Path dir) {
    assertThat(CsvContent.of(dir.resolve("absent.csv")).contentLength()).isEqualTo(-1);
  }
}
