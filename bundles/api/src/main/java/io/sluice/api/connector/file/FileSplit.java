package io.sluice.api.connector.file;

import io.sluice.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * The lines of {@code path} whose first byte lies in {@code [start, end)}; {@code position} is
 * where reading resumes (the start of the next unread line): a reader's checkpoint holds the split
 * with the position of the first line not yet emitted, so a restored reader continues there.
 */
public record FileSplit(String path, long start, long end, long position)
    implements SourceSplit, Serializable {
  @Override
  public String splitId() {
    return path + ":" + start;
  }
}
