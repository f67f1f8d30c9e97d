package io.github.sfactions.emulator.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvSyntaxInspectorTest {

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
  void detectsRecordSeparatorsOtherThanTheJobsOutsideQuotes(
      String escaped, LineEnding expected, boolean violated) throws IOException {
    String csv = escaped.replace("\\r", "\r").replace("\\n", "\n");
    char delimiter = csv.contains(";") ? ';' : ',';
    CsvSyntaxInspector inspector =
        new CsvSyntaxInspector(new StringReader(csv), expected, delimiter);

    String passedThrough = drain(inspector);

    assertThat(passedThrough).isEqualTo(csv);
    assertThat(inspector.lineEndingViolated()).isEqualTo(violated);
  }

  @ParameterizedTest
  @CsvSource({"LF, false", "CRLF, true"})
  void singleCharacterReadsAreInspectedToo(LineEnding expected, boolean violated)
      throws IOException {
    CsvSyntaxInspector inspector =
        new CsvSyntaxInspector(new StringReader("a\nb\n"), expected, ',');

    while (inspector.read() != -1) {
      // consume one character at a time
    }

    assertThat(inspector.lineEndingViolated()).isEqualTo(violated);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a,b\\nc,\"open\\n|Unterminated quoted value starting on line 2",
        "a,\"x\"y\\n|Invalid character after a closing quote on line 1",
        "a\\nb,\"ok\"\\nc,\"bad\" \\n|Invalid character after a closing quote on line 3"
      })
  void reportsQuotingErrorsWithTheirLine(String escaped, String error) throws IOException {
    String csv = escaped.replace("\\n", "\n");
    CsvSyntaxInspector inspector =
        new CsvSyntaxInspector(new StringReader(csv), LineEnding.LF, ',');

    inspector.drain();

    assertThat(inspector.syntaxError()).isEqualTo(error);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a,\"\"\"quoted\"\"\",b\\n", "\"\",x\\n", "a,\"multi\\nline\"\\n"})
  void wellFormedQuotingHasNoSyntaxError(String escaped) throws IOException {
    CsvSyntaxInspector inspector =
        new CsvSyntaxInspector(new StringReader(escaped.replace("\\n", "\n")), LineEnding.LF, ',');

    inspector.drain();

    assertThat(inspector.syntaxError()).isNull();
    assertThat(inspector.lineEndingViolated()).isFalse();
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
