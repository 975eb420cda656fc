package io.sluice.testkit.multiinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.JobExecutionException;
import io.sluice.api.StreamEnvironment;
import io.sluice.api.datastream.BroadcastStream;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.BroadcastProcessFunction;
import io.sluice.api.functions.Collector;
import io.sluice.api.functions.KeyedBroadcastProcessFunction;
import io.sluice.api.functions.OutputTag;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BroadcastStateTest {

  static final MapStateDescriptor<String, Long> RULES =
      new MapStateDescriptor<>("rules", String.class, Long.class);

  /** Sets rule {@code name} to alert on amounts at or above {@code threshold}, or deletes it. */
  record Rule(String name, long threshold, boolean delete) {}

  record Payment(String user, long amount) {}

  record Alert(String user, long amount, String rule) {}

  /** A broadcast element as one subtask saw it, with the rule count after applying it. */
  record Applied(int subtask, String rule, int rulesAfter) {}

  static final OutputTag<Applied> APPLIED = new OutputTag<>("applied", Applied.class);

  /**
   * Keeps each user's payments in keyed state and checks them against the rules when the input ends
   * (end-of-input timer), when every rule has arrived in every subtask.
   */
  static final class AlertOnRules
      extends KeyedBroadcastProcessFunction<String, Payment, Rule, Alert> {
    private transient ListState<Long> amounts;
    private transient int subtask;

    @Override
    public void open(RuntimeContext context) {
      amounts = context.getListState(new ListStateDescriptor<>("amounts", Long.class));
      subtask = context.getIndexOfThisSubtask();
    }

    @Override
    public void processElement(Payment payment, ReadOnlyContext<String> ctx, Collector<Alert> out) {
      amounts.add(payment.amount());
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processBroadcastElement(
        Rule rule, BroadcastProcessFunction.Context ctx, Collector<Alert> out) throws Exception {
      BroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      if (rule.delete()) {
        rules.remove(rule.name());
      } else {
        rules.put(rule.name(), rule.threshold());
      }
      int count = 0;
      for (var ignored : rules.entries()) {
        count++;
      }
      ctx.output(APPLIED, new Applied(subtask, rule.name(), count));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Alert> out)
        throws Exception {
      ReadOnlyBroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      for (long amount : amounts.get()) {
        for (Map.Entry<String, Long> rule : rules.immutableEntries()) {
          if (amount >= rule.getValue()) {
            out.collect(new Alert(ctx.getCurrentKey(), amount, rule.getKey()));
          }
        }
      }
    }
  }

  /** Tags each element with the rule names its subtask knew when the element arrived. */
  static final class TagWithKnownRules extends BroadcastProcessFunction<Integer, Rule, String> {
    @Override
    public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      TreeMap<String, Long> known = new TreeMap<>();
      for (Map.Entry<String, Long> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
        known.put(rule.getKey(), rule.getValue());
      }
      out.collect(value + ":" + String.join(",", known.keySet()));
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
        throws Exception {
      ctx.getBroadcastState(RULES).put(rule.name(), rule.threshold());
    }
  }

  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rules.add(new Rule("r" + i, 10L * i, false));
    }
    rules.add(new Rule("r3", 55, false)); // replaces r3's threshold
    rules.add(new Rule("r7", 0, true)); // deletes r7
    rules.add(new Rule("r11", 0, true)); // deletes r11
    return rules;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void broadcastRulesReachEverySubtaskAndApplyToAKeyedStream(int parallelism) throws Exception {
    StreamEnvironment env = LocalEnvironment.create(parallelism);
    List<Rule> rules = rules();
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      payments.add(new Payment("u" + (i % 41), (i * 37L) % 130));
    }
    BroadcastStream<Rule> ruleStream = env.fromCollection(rules, Rule.class).broadcast(RULES);
    CollectSink<Alert> alerts = new CollectSink<>();
    CollectSink<Applied> applied = new CollectSink<>();
    DataStream<Alert> result =
        env.fromCollection(payments, Payment.class)
            .rebalance()
            .keyBy(Payment::user)
            .connect(ruleStream)
            .process(new AlertOnRules());
    result.sinkTo(alerts);
    result.getSideOutput(APPLIED).sinkTo(applied);
    env.execute("broadcast-rules");

    Map<String, Long> finalRules = new LinkedHashMap<>();
    List<Applied> expectedApplied = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.delete()) {
        finalRules.remove(rule.name());
      } else {
        finalRules.put(rule.name(), rule.threshold());
      }
      for (int subtask = 0; subtask < parallelism; subtask++) {
        expectedApplied.add(new Applied(subtask, rule.name(), finalRules.size()));
      }
    }
    List<Alert> expectedAlerts = new ArrayList<>();
    for (Payment payment : payments) {
      finalRules.forEach(
          (name, threshold) -> {
            if (payment.amount() >= threshold) {
              expectedAlerts.add(new Alert(payment.user(), payment.amount(), name));
            }
          });
    }
    assertThat(applied.elements()).containsExactlyInAnyOrderElementsOf(expectedApplied);
    assertThat(multiset(alerts.elements())).isEqualTo(multiset(expectedAlerts));
  }

  @Test
  void everySubtaskOfANonKeyedStreamSeesTheRulesInBroadcastOrder() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(3);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rules.add(new Rule(String.format("r%02d", i), i, false));
    }
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      values.add(i);
    }
    CollectSink<String> sink = new CollectSink<>();
    env.fromCollection(values, Integer.class)
        .rebalance()
        .connect(env.fromCollection(rules, Rule.class).broadcast(RULES))
        .process(new TagWithKnownRules())
        .sinkTo(sink);
    env.execute("broadcast-order");

    // Where an element fell between broadcast elements depends on timing; what it saw must be
    // the rules in broadcast order up to some point: a prefix.
    List<String> prefixes = new ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    prefixes.add("");
    for (Rule rule : rules) {
      prefix.append(prefix.length() == 0 ? "" : ",").append(rule.name());
      prefixes.add(prefix.toString());
    }
    List<Integer> seenValues = new ArrayList<>();
    for (String tagged : sink.elements()) {
      int colon = tagged.indexOf(':');
      seenValues.add(Integer.parseInt(tagged.substring(0, colon)));
      assertThat(prefixes).contains(tagged.substring(colon + 1));
    }
    assertThat(seenValues).containsExactlyInAnyOrderElementsOf(values);
  }

  @Test
  void broadcastStateNotDeclaredInBroadcastFailsTheJobNamingTheDeclaredOnes() {
    StreamEnvironment env = LocalEnvironment.create(1);
    MapStateDescriptor<String, Long> other =
        new MapStateDescriptor<>("other", String.class, Long.class);
    env.fromElements(1)
        .connect(env.fromElements(new Rule("r", 1, false)).broadcast(other))
        .process(new TagWithKnownRules())
        .sinkTo(new CollectSink<>());
    assertThatThrownBy(() -> env.execute("undeclared"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("'rules' was not declared")
        .hasMessageContaining("[other]");
  }

  @Test
  void aKeyedStreamNeedsAKeyedBroadcastProcessFunction() {
    StreamEnvironment env = LocalEnvironment.create(1);
    var connected =
        env.fromElements(1)
            .keyBy(i -> i % 2)
            .connect(env.fromElements(new Rule("r", 1, false)).broadcast(RULES));
    assertThatThrownBy(() -> connected.process(new TagWithKnownRules()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KeyedBroadcastProcessFunction");
  }

  private static <T> Map<T, Integer> multiset(List<T> elements) {
    Map<T, Integer> counts = new HashMap<>();
    elements.forEach(e -> counts.merge(e, 1, Integer::sum));
    return counts;
  }
}
