package io.github.sfactions.emulator.bulk.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The uploaded CSV bytes of one job, held once in fixed-size chunks so a large upload is never
 * copied into a second contiguous array. Immutable after {@link #read}.
 */
public final class UploadBuffer {

  private static final int CHUNK_SIZE = 64 * 1024;

  private final List<byte[]> chunks;
  private final long size;

  private UploadBuffer(List<byte[]> chunks, long size) {
    this.chunks = chunks;
    this.size = size;
  }

  /**
   * Streams {@code in} into a buffer, refusing with HTTP 413 as soon as more than {@code maxBytes}
   * arrive (the rest of the body is not read).
   */
  public static UploadBuffer read(InputStream in, long maxBytes) {
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    try {
      byte[] chunk = new byte[CHUNK_SIZE];
      int filled = 0;
      int n;
      while ((n = in.read(chunk, filled, chunk.length - filled)) != -1) {
        filled += n;
        total += n;
        if (total > maxBytes) {
          throw new BulkApiException(
              413,
              ErrorCodes.EXCEEDED_QUOTA,
              "The uploaded data exceeds the maximum of "
                  + maxBytes
                  + " bytes per job. Split the data into several jobs.");
        }
        if (filled == chunk.length) {
          chunks.add(chunk);
          chunk = new byte[CHUNK_SIZE];
          filled = 0;
        }
      }
      if (filled > 0) {
        byte[] last = new byte[filled];
        System.arraycopy(chunk, 0, last, 0, filled);
        chunks.add(last);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new UploadBuffer(List.copyOf(chunks), total);
  }

  /** Number of bytes uploaded. */
  public long size() {
    return size;
  }

  /** A fresh stream over the uploaded bytes; may be opened any number of times. */
  public InputStream openStream() {
    return new ChunkStream();
  }

  private final class ChunkStream extends InputStream {
    private int chunkIndex;
    private int offset;

    @Override
    public int read() {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (chunkIndex < chunks.size() && offset == chunks.get(chunkIndex).length) {
        chunkIndex++;
        offset = 0;
      }
      if (chunkIndex == chunks.size()) {
        return -1;
      }
      byte[] chunk = chunks.get(chunkIndex);
      int n = Math.min(len, chunk.length - offset);
      System.arraycopy(chunk, offset, b, off, n);
      offset += n;
      return n;
    }
  }
}
