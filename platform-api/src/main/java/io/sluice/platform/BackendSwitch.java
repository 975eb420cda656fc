package io.sluice.platform;

import java.util.List;

/**
 * The outcome of selecting another state backend: what was selected before and after, and how each
 * running job moved.
 *
 * @param previous the state backend selected before
 * @param selected the state backend selected now
 * @param moves one entry per job that ran on another backend than {@code selected}
 */
public record BackendSwitch(String previous, String selected, List<JobMove> moves) {
  public BackendSwitch {
    moves = List.copyOf(moves);
  }
}
