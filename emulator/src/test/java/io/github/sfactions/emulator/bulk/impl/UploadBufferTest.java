package io.github.sfactions.emulator.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadBufferTest {

  @Test
  void holdsBytesAcrossChunksAndCanBeReadRepeatedly() throws IOException {
    byte[] data = new byte[200_000];
    new Random(7).nextBytes(data);

    UploadBuffer buffer = UploadBuffer.read(new ByteArrayInputStream(data), data.length);

    assertThat(buffer.size()).isEqualTo(data.length);
    try (InputStream first = buffer.openStream();
        InputStream second = buffer.openStream()) {
      assertThat(first.readAllBytes()).isEqualTo(data);
      assertThat(second.read()).isEqualTo(data[0] & 0xff);
    }
  }

  @Test
  void refusesMoreThanTheCapWithoutReadingTheRest() {
    CountingStream body = new CountingStream(10_000_000);

    assertThatThrownBy(() -> UploadBuffer.read(body, 100_000))
        .isInstanceOfSatisfying(
            BulkApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.errorCode()).isEqualTo("EXCEEDED_QUOTA");
            });
    assertThat(body.served).isLessThan(200_000);
  }

  @Test
  void emptyBodyGivesEmptyBuffer() throws IOException {
    UploadBuffer buffer = UploadBuffer.read(InputStream.nullInputStream(), 10);

    assertThat(buffer.size()).isZero();
    assertThat(buffer.openStream().read()).isEqualTo(-1);
  }

  /** An endless-looking stream that counts how much was read from it. */
  private static final class CountingStream extends InputStream {
    private final long length;
    private long served;

    CountingStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (served >= length) {
        return -1;
      }
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= length) {
        return -1;
      }
      int n = (int) Math.min(len, Math.min(8192, length - served));
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      served += n;
      return n;
    }
  }
}
