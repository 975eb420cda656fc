package io.sluice.checkpoint.fs;

import static io.sluice.checkpoint.fs.CheckpointWriter.readAll;
import static io.sluice.checkpoint.fs.CheckpointWriter.utf8;
import static io.sluice.checkpoint.fs.CheckpointWriter.writePiece;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.StateHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritersTest {
  private static final int CHECKPOINTS = 12;
  private static final int PIECES = 8;

  @TempDir Path dir;

  private static byte[] content(long checkpointId, int piece) {
    return utf8(("checkpoint " + checkpointId + " piece " + piece + ";").repeat(200 + piece));
  }

  @Test
  void piecesOfManyCheckpointsWrittenFromManyThreadsAllCommitAndVerify() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    ExecutorService writers = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<List<Future<StateHandle>>> pieces = new ArrayList<>();
      for (long id = 1; id <= CHECKPOINTS; id++) {
        List<Future<StateHandle>> ofCheckpoint = new ArrayList<>();
        for (int piece = 0; piece < PIECES; piece++) {
          long checkpointId = id;
          int p = piece;
          Callable<StateHandle> write =
              () -> {
                start.await();
                return writePiece(
                    storage, "job-1", checkpointId, "op-" + p, content(checkpointId, p));
              };
          ofCheckpoint.add(writers.submit(write));
        }
        pieces.add(ofCheckpoint);
      }
      start.countDown();

      List<Future<?>> commits = new ArrayList<>();
      for (int i = 0; i < CHECKPOINTS; i++) {
        long checkpointId = i + 1;
        List<Future<StateHandle>> ofCheckpoint = pieces.get(i);
        commits.add(
            writers.submit(
                () -> {
                  List<StateHandle> handles = new ArrayList<>();
                  for (Future<StateHandle> piece : ofCheckpoint) {
                    handles.add(piece.get(30, TimeUnit.SECONDS));
                  }
                  storage.commitMetadata("job-1", checkpointId, handles, utf8("m" + checkpointId));
                  return null;
                }));
      }
      for (Future<?> commit : commits) {
        commit.get(30, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    assertThat(storage.completedCheckpoints("job-1"))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, CHECKPOINTS).boxed().toList());
    FsCheckpointStorage restarted = new FsCheckpointStorage(dir);
    assertThat(restarted.latestValid("job-1").skipped()).isEmpty();
    for (long id = 1; id <= CHECKPOINTS; id++) {
      CompletedCheckpoint checkpoint = restarted.readMetadata("job-1", id);
      assertThat(checkpoint.pieces()).hasSize(PIECES);
      for (int piece = 0; piece < PIECES; piece++) {
        assertThat(readAll(restarted, checkpoint.pieces().get(piece)))
            .isEqualTo(content(id, piece));
      }
    }
  }

  @Test
  void retentionRunningAlongsideWritersNeverRemovesACheckpointInProgress() throws Exception {
    FsCheckpointStorage storage = new FsCheckpointStorage(dir);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int writer = 0; writer < 3; writer++) {
        long first = writer * 100L;
        jobs.add(
            pool.submit(
                () -> {
                  for (long id = first; id < first + 30; id++) {
                    StateHandle a = writePiece(storage, "job-1", id, "a", content(id, 0));
                    StateHandle b = writePiece(storage, "job-1", id, "b", content(id, 1));
                    storage.commitMetadata("job-1", id, List.of(a, b), utf8("m"));
                  }
                  return null;
                }));
      }
      jobs.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 60; i++) {
                  storage.retain("job-1", 2);
                }
                return null;
              }));
      for (Future<?> job : jobs) {
        job.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    storage.retain("job-1", 2);
    // every commit succeeded (no future failed) and the two newest ids of all writers remain
    assertThat(storage.completedCheckpoints("job-1")).containsExactly(228L, 229L);
    assertThat(storage.latestValid("job-1").skipped()).isEmpty();
  }
}
