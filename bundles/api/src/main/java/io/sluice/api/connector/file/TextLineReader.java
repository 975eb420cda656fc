package io.sluice.api.connector.file;

import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.util.SplitQueueReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the lines of one file range at a time with a reusable byte buffer, decoding each line as
 * UTF-8 once it is complete (a multi-byte character is never split). Confined to the subtask's
 * thread.
 */
final class TextLineReader extends SplitQueueReader<String, FileSplit> {
  private static final int READ_SIZE = 1 << 16;
  private static final int LINES_PER_POLL = 256;

  private FileChannel channel;
  private FileSplit split;
  private byte[] buffer = new byte[READ_SIZE];
  private int bufferStart;
  private int bufferEnd;
  private long bufferFilePosition; // file offset of buffer[0]
  private long nextLineStart;
  private boolean eof;

  TextLineReader(SourceReaderContext context) {
    super(context);
  }

  @Override
  protected void openSplit(FileSplit split) throws IOException {
    this.split = split;
    channel = FileChannel.open(Paths.get(split.path()), StandardOpenOption.READ);
    eof = false;
    bufferStart = 0;
    bufferEnd = 0;
    if (split.position() > split.start() || split.start() == 0) {
      nextLineStart = split.position();
    } else {
      // The range starts mid-file: the line running across `start` belongs to the previous range.
      nextLineStart = findLineStartAtOrAfter(split.start());
    }
    bufferFilePosition = nextLineStart;
    if (nextLineStart < split.end()) { // else no line starts in the range: nothing to read
      channel.position(nextLineStart);
    }
  }

  private long findLineStartAtOrAfter(long start) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(READ_SIZE);
    long position = start - 1;
    while (true) {
      one.clear();
      int read = channel.read(one, position);
      if (read <= 0) {
        return Long.MAX_VALUE; // no line starts in or after the range
      }
      byte[] bytes = one.array();
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          return position + i + 1;
        }
      }
      position += read;
    }
  }

  @Override
  protected boolean readRecords(ReaderOutput<String> output) throws IOException {
    for (int emitted = 0; emitted < LINES_PER_POLL; emitted++) {
      if (nextLineStart >= split.end()) {
        return false;
      }
      int newline = indexOfNewline();
      while (newline < 0 && !eof) {
        fill();
        newline = indexOfNewline();
      }
      int lineEnd = newline >= 0 ? newline : bufferEnd;
      if (newline < 0 && bufferStart == bufferEnd) {
        return false; // end of file right after the last newline
      }
      int contentEnd = lineEnd;
      if (contentEnd > bufferStart && buffer[contentEnd - 1] == '\r') {
        contentEnd--;
      }
      output.collect(
          new String(buffer, bufferStart, contentEnd - bufferStart, StandardCharsets.UTF_8));
      int consumed = (newline >= 0 ? newline + 1 : bufferEnd) - bufferStart;
      bufferStart += consumed;
      nextLineStart += consumed;
      if (newline < 0) {
        return false; // last line of the file had no newline
      }
    }
    return true;
  }

  private int indexOfNewline() {
    for (int i = bufferStart; i < bufferEnd; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the unread part to the front (growing for long lines) and reads more of the file. */
  private void fill() throws IOException {
    int unread = bufferEnd - bufferStart;
    if (bufferStart > 0) {
      System.arraycopy(buffer, bufferStart, buffer, 0, unread);
      bufferFilePosition += bufferStart;
      bufferStart = 0;
      bufferEnd = unread;
    }
    if (bufferEnd == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = channel.read(ByteBuffer.wrap(buffer, bufferEnd, buffer.length - bufferEnd));
    if (read < 0) {
      eof = true;
    } else {
      bufferEnd += read;
    }
  }

  @Override
  protected void closeSplit() throws IOException {
    channel.close();
    channel = null;
  }

  @Override
  protected FileSplit currentPosition() {
    return new FileSplit(split.path(), split.start(), split.end(), nextLineStart);
  }
}
