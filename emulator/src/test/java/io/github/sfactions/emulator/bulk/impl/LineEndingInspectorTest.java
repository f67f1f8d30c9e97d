package io.github.sfactions.emulator.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineEndingInspectorTest {

  @ParameterizedTest(name = "{0} in {1} job violates: {2}")
  @CsvSource({
      "'a,b\\nc,d\\n', LF, false",
      "'a,b\\r\\nc,d\\r\\n', CRLF, false",
      "'a,b\\r\\nc,d\\n', LF, true",
      "'a,b\\nc,d\\n', CRLF, true",
      "'a,b\\rc,d', LF, true",
      "'a,b\\rc,d', CRLF, true",
      "'a,b\\r', CRLF, true",
      "'a,\"x\\r\\ny\"\\nc,d\\n', LF, false",
      "'a,\"x\\ny\"\\r\\nc,d\\r\\n', CRLF, false",
      "'a,\"say \"\"hi\"\"\\r\\n\"\\nc\\n', LF, false",
      "'a,\"say \"\"hi\"\"\"\\r\\nc\\n', LF, true",
      "'a;\"x\\r\\n\"\\n', LF, false",
      "'no line ending at all', CRLF, false"
  })
  void detectsRecordSeparatorsOtherThanTheJobsOutsideQuotes(String escaped, LineEnding expected, boolean violated)
      throws IOException {
    String csv = escaped.replace("\\r", "\r").replace("\\n", "\n");
    char delimiter = csv.contains(";") ? ';' : ',';
    LineEndingInspector inspector = new LineEndingInspector(new StringReader(csv), expected, delimiter);

    String passedThrough = drain(inspector);

    assertThat(passedThrough).isEqualTo(csv);
    assertThat(inspector.violated()).isEqualTo(violated);
  }

  @ParameterizedTest
  @CsvSource({"LF, false", "CRLF, true"})
  void singleCharacterReadsAreInspectedToo(LineEnding expected, boolean violated) throws IOException {
    LineEndingInspector inspector = new LineEndingInspector(new StringReader("a\nb\n"), expected, ',');

    while (inspector.read() != -1) {
      // consume one character at a time
    }

    assertThat(inspector.violated()).isEqualTo(violated);
  }

  private static String drain(Reader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[3];
    int n;
    while ((n = reader.read(buffer, 0, buffer.length)) != -1) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }
}
