package io.sluice.api.connector.file;

import io.sluice.api.connector.source.SourceSplit;

/**
 * The lines of {@code path} whose first byte lies in {@code [start, end)}; {@code position} is
 * where reading resumes (the start of the next unread line).
 */
public record FileSplit(String path, long start, long end, long position) implements SourceSplit {
  @Override
  public String splitId() {
    return path + ":" + start;
  }
}
