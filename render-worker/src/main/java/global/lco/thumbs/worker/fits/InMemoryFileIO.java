package global.lco.thumbs.worker.fits;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import nom.tam.util.RandomAccessFileIO;

/**
 * Read-only random access over a downloaded FITS file held in memory. Giving nom-tam-fits random
 * access (instead of a stream) makes it read headers only and defer pixel data, so we can check
 * an image's size from its header before any pixel array is allocated, and never touch disk.
 */
final class InMemoryFileIO implements RandomAccessFileIO {
  private final byte[] bytes;
  private int position;

  InMemoryFileIO(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (position >= bytes.length) {
      return length == 0 ? 0 : -1;
    }
    int n = Math.min(length, bytes.length - position);
    System.arraycopy(bytes, position, into, offset, n);
    position += n;
    return n;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void position(long newPosition) throws IOException {
    if (newPosition < 0 || newPosition > bytes.length) {
      throw new EOFException("Seek past the end of the file");
    }
    position = (int) newPosition;
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public String readUTF() throws IOException {
    throw new IOException("Not supported");
  }

  @Override
  public FileChannel getChannel() {
    return null;
  }

  @Override
  public FileDescriptor getFD() throws IOException {
    throw new IOException("In-memory file has no descriptor");
  }

  @Override
  public void setLength(long length) throws IOException {
    throw new IOException("Read-only");
  }

  @Override
  public void write(int b) throws IOException {
    throw new IOException("Read-only");
  }

  @Override
  public void write(byte[] b, int offset, int length) throws IOException {
    throw new IOException("Read-only");
  }

  @Override
  public void writeUTF(String s) throws IOException {
    throw new IOException("Read-only");
  }

  @Override
  public void close() {
  }
}
