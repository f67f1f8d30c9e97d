package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.intake.InvalidEventException;
import io.github.sfactions.spring.intake.InvalidEventException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The request body as the sender meant it: decoded by its {@code Content-Encoding} ({@value
 * #SUPPORTED}), with read failures turned into answers for the sender ({@link #unreadable}). Limits
 * apply to what this returns, so a small compressed body cannot expand past them.
 */
public final class RequestBody {

  /** The content codings the intake decodes. */
  public static final String SUPPORTED = "gzip, deflate, identity";

  private RequestBody() {}

  /**
   * The decoded body; the caller closes it.
   *
   * @throws InvalidEventException 415 for an encoding other than {@value #SUPPORTED}, 400 for a
   *     body that is not of its declared encoding
   */
  public static InputStream open(HttpServletRequest request) throws IOException {
    String coding = coding(request);
    InputStream raw = new SenderStream(request.getInputStream());
    try {
      return switch (coding) {
        case "gzip" -> new GZIPInputStream(raw);
        case "deflate" -> deflate(raw);
        default -> raw;
      };
    } catch (IOException e) {
      raw.close();
      throw unreadable(e, request);
    }
  }

  /**
   * The declared length, when it is the length of the JSON itself (not of compressed data); else
   * -1.
   */
  public static long declaredLength(HttpServletRequest request) {
    return coding(request).equals("identity") ? request.getContentLengthLong() : -1;
  }

  /**
   * The answer to a failure while reading the body: 408 when the sender was too slow, 400 when the
   * body ended early or is not of its declared encoding.
   */
  public static InvalidEventException unreadable(IOException e, HttpServletRequest request) {
    if (e instanceof SenderFailure failure) {
      if (causedBy(failure, SocketTimeoutException.class)) {
        return new InvalidEventException(
            InvalidEventException.REQUEST_TIMEOUT,
            Reason.UNREADABLE_BODY,
            "The request body did not arrive in time: send it completely, without pauses");
      }
      return new InvalidEventException(
          InvalidEventException.BAD_REQUEST,
          Reason.UNREADABLE_BODY,
          "The request body ended early or could not be read ("
              + failure.getCause().getClass().getSimpleName()
              + "): send it completely, with its correct Content-Length");
    }
    String coding = coding(request);
    String what = e instanceof EOFException ? "it ends early" : String.valueOf(e.getMessage());
    return new InvalidEventException(
        InvalidEventException.BAD_REQUEST,
        Reason.UNREADABLE_BODY,
        coding.equals("identity")
            ? "The request body could not be read: " + what
            : "Content-Encoding is "
                + coding
                + " but the body is not valid "
                + coding
                + " data: "
                + what);
  }

  /** The one content coding of the request; {@code identity} when there is none. */
  private static String coding(HttpServletRequest request) {
    List<String> codings = new ArrayList<>();
    for (var headers = request.getHeaders("Content-Encoding");
        headers != null && headers.hasMoreElements(); ) {
      for (String coding : headers.nextElement().split(",")) {
        String c = coding.trim().toLowerCase(Locale.ROOT);
        if (!c.isEmpty() && !c.equals("identity")) {
          codings.add(c.equals("x-gzip") ? "gzip" : c);
        }
      }
    }
    if (codings.isEmpty()) {
      return "identity";
    }
    if (codings.size() > 1
        || !(codings.get(0).equals("gzip") || codings.get(0).equals("deflate"))) {
      throw new InvalidEventException(
          InvalidEventException.UNSUPPORTED_MEDIA_TYPE,
          Reason.UNREADABLE_BODY,
          "Content-Encoding "
              + String.join(", ", codings)
              + " is not supported: send one of "
              + SUPPORTED);
    }
    return codings.get(0);
  }

  /**
   * HTTP's deflate is zlib-wrapped (RFC 9110), but some clients send raw deflate data: the first
   * two bytes tell which (a zlib header names method 8 and is a multiple of 31).
   */
  private static InputStream deflate(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean zlib =
        head.length == 2
            && (head[0] & 0x0F) == 8
            && (((head[0] & 0xFF) << 8) | (head[1] & 0xFF)) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(in, inflater) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inflater
              .end(); // an inflater given to the stream is not ended by it; its native memory would
          // linger
        }
      }
    };
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A failure of the connection to the sender, as opposed to a body that does not decode. */
  private static final class SenderFailure extends IOException {

    private static final long serialVersionUID = 1L;

    SenderFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The container's stream, its failures marked as the sender's. */
  private static final class SenderStream extends FilterInputStream {

    SenderStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new SenderFailure(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new SenderFailure(e);
      }
    }
  }
}
