package io.sluice.examples.wordcount;

import io.sluice.api.Job;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.connector.file.FileSink;

/**
 * Counts the words of a text file and writes one {@code word<TAB>count} line per distinct word,
 * most frequent first ({@link WordCount#BY_COUNT_DESCENDING_THEN_WORD}). The output is the same,
 * byte for byte, at any parallelism: counting runs in parallel, but the final counts are gathered,
 * sorted and written by one subtask when the input ends.
 *
 * <p>Run it with {@code sluice run wordcount --input FILE --output FILE}. What counts as a word is
 * defined by {@link Tokenizer}.
 */
public final class WordCountJob implements Job {

  @Override
  public void run(StreamEnvironment env, String[] args) throws Exception {
    JobArguments arguments = JobArguments.parse(args);
    buildDataflow(env, arguments);
    env.execute("WordCount");
  }

  /** Adds the WordCount dataflow, from the input file to the output file, to {@code env}. */
  static void buildDataflow(StreamEnvironment env, JobArguments arguments) {
    env.readTextFile(arguments.input().toString())
        .flatMap(new Tokenizer())
        .name("Tokenizer")
        .uid("tokenizer")
        .keyBy(WordCount::word)
        .process(new CountPerWord())
        .name("Count per word")
        .uid("count-per-word")
        .keyBy(count -> SortAtEnd.SINGLE_KEY, Integer.class)
        .process(new SortAtEnd())
        .name("Sort at end")
        .uid("sort-at-end")
        .setParallelism(1)
        .sinkTo(FileSink.forTextLines(arguments.output()))
        .name("Output file")
        .uid("output-file")
        .setParallelism(1);
  }
}
