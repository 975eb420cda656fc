package io.sluice.bench.common.nexmark;

import io.sluice.bench.common.Fingerprint;
import io.sluice.bench.common.RecordGenerator;
import java.nio.charset.StandardCharsets;

/**
 * The NEXMark event stream as a pure function of the event number, so any subtask of either engine
 * can generate any share of it. Events come in cycles of {@link NexmarkConfig#eventsPerCycle()}:
 * first the persons, then the auctions, then the bids of the cycle, so person and auction ids grow
 * with the event number. Sellers and bidders are drawn from the recently created persons, auctions
 * of bids from the auctions in flight, with "hot" ones favoured as the configuration says. Each
 * event draws from its own random stream, seeded by the configured seed and the event number.
 */
public final class NexmarkGenerator implements RecordGenerator<Event> {
  private static final long serialVersionUID = 1L;

  /** The first ids, as in the published benchmark. */
  public static final long FIRST_PERSON_ID = 1000;

  public static final long FIRST_AUCTION_ID = 1000;
  public static final long FIRST_CATEGORY_ID = 10;
  static final int CATEGORIES = 5;

  /** Bidders and sellers may be persons slightly ahead of the newest one, as in the original. */
  private static final int PERSON_ID_LEAD = 10;

  private static final int AUCTION_ID_LEAD = 10;

  private static final String[] FIRST_NAMES = {
    "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"
  };
  private static final String[] LAST_NAMES = {
    "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
  };
  private static final String[] CITIES = {
    "Phoenix",
    "Los Angeles",
    "San Francisco",
    "Boise",
    "Portland",
    "Bend",
    "Redmond",
    "Seattle",
    "Kent",
    "Cheyenne"
  };
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};

  /**
   * Every "first last" name, built once: a person's strings are built without {@code +}, whose
   * concatenation code (a method-handle chain per call site) ran far slower until the JIT had
   * compiled it, and a person is only one event in fifty, so that took long.
   */
  private static final String[] FULL_NAMES = fullNames();

  private static String[] fullNames() {
    String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
    for (int first = 0; first < FIRST_NAMES.length; first++) {
      for (int last = 0; last < LAST_NAMES.length; last++) {
        String name = FIRST_NAMES[first] + " " + LAST_NAMES[last];
        name.hashCode(); // cached in the string, as for the channels
        names[first * LAST_NAMES.length + last] = name;
      }
    }
    return names;
  }

  private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

  /**
   * 1 in this many bids comes through one of the many channels, the rest through a hot one; the
   * published NEXMark generator (nexmark-flink) uses the same split and 10,000 channels.
   */
  static final int HOT_CHANNELS_RATIO = 2;

  static final int CHANNELS = 10_000;

  /** Random strings are windows of these pools (built once from a fixed seed; 16 KiB each). */
  private static final byte[] LETTER_POOL = pool(0x6c657474L, 'a', 26);

  private static final byte[] DIGIT_POOL = pool(0x64696769L, '0', 10);
  private static final byte[] URL_HOST =
      "https://www.nexmark.com/".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] URL_QUERY = "/item.htm?query=".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] DOT_COM = ".com".getBytes(StandardCharsets.ISO_8859_1);
  private static final int URL_LENGTH = URL_HOST.length + 5 + URL_QUERY.length + 2;

  private final NexmarkConfig config;
  private final long auctionLengthMillis;
  private final long mixedSeed;

  public NexmarkGenerator(NexmarkConfig config) {
    this.config = config;
    this.mixedSeed = Rng.mixSeed(config.seed());
    // Auctions last long enough that about auctionsInFlight of them are open at any time.
    double auctionGapMillis =
        (double) config.eventsPerCycle()
            / config.auctionProportion()
            * 1000.0
            / config.eventsPerSecond();
    this.auctionLengthMillis =
        Math.max(1, Math.round(config.auctionsInFlight() * auctionGapMillis));
  }

  public NexmarkConfig config() {
    return config;
  }

  @Override
  public Class<Event> type() {
    return Event.class;
  }

  @Override
  public Event generate(long eventNumber) {
    Rng rng = Rng.forEvent(mixedSeed, eventNumber);
    long time = eventTime(eventNumber, rng);
    // One division for the event's place in its cycle; the ids below derive from it (a 64-bit
    // division per id was a visible share of a bid's cost).
    long cycle = eventNumber / config.eventsPerCycle();
    int offset = (int) (eventNumber - cycle * config.eventsPerCycle());
    long lastPerson = lastPersonId(cycle, offset);
    if (offset < config.personProportion()) {
      return Event.of(person(lastPerson, time, rng));
    }
    long lastAuction = lastAuctionId(cycle, offset);
    if (offset < config.personProportion() + config.auctionProportion()) {
      return Event.of(auction(lastAuction, lastPerson, time, rng));
    }
    return Event.of(bid(lastAuction, lastPerson, time, rng));
  }

  /** When event {@code n} is due, in epoch millis. */
  public long dueTime(long eventNumber) {
    return config.baseTimeMillis() + eventNumber * 1000 / config.eventsPerSecond();
  }

  private long eventTime(long eventNumber, Rng rng) {
    long early =
        config.outOfOrdernessMillis() == 0 ? 0 : rng.nextInt(config.outOfOrdernessMillis());
    return dueTime(eventNumber) - early;
  }

  /** The base-0 id of the newest person created by the given place in the cycles. */
  private long lastPersonId(long cycle, int offset) {
    long created =
        cycle * config.personProportion() + Math.min(offset + 1, config.personProportion());
    return created - 1;
  }

  /** The base-0 id of the newest auction created by then (0 if none yet). */
  private long lastAuctionId(long cycle, int offset) {
    long inThisCycle =
        Math.max(0, Math.min(offset + 1 - config.personProportion(), config.auctionProportion()));
    return Math.max(0, cycle * config.auctionProportion() + inThisCycle - 1);
  }

  /**
   * {@code id} rounded down to a multiple of {@code ratio}: the hot seller, bidder or auction. A
   * mask for the usual power-of-two ratios, a division otherwise (ids are not negative).
   */
  static long hot(long id, int ratio) {
    return (ratio & (ratio - 1)) == 0 ? id & -ratio : id / ratio * ratio;
  }

  /** A person among the active ones (or slightly ahead), chosen by 32 random bits. */
  private long recentPersonId(long lastPerson, int bits) {
    long people = lastPerson + 1;
    long active = Math.min(people, config.activePeople());
    return people - active + Rng.below(bits, active + PERSON_ID_LEAD);
  }

  /** An auction among those in flight (or slightly ahead), chosen by 32 random bits. */
  private long openAuctionId(long lastAuction, int bits) {
    long oldest = Math.max(0, lastAuction - config.auctionsInFlight());
    return oldest + Rng.below(bits, lastAuction - oldest + 1 + AUCTION_ID_LEAD);
  }

  private Person person(long lastPerson, long time, Rng rng) {
    long id = FIRST_PERSON_ID + lastPerson;
    int first = rng.nextInt(FIRST_NAMES.length);
    String name = FULL_NAMES[first * LAST_NAMES.length + rng.nextInt(LAST_NAMES.length)];
    String email = rng.email();
    String card = rng.creditCard();
    String city = pick(CITIES, rng);
    String state = pick(STATES, rng);
    int size = 8 + name.length() + email.length() + card.length() + city.length() + 2 + 8;
    return new Person(
        id, name, email, card, city, state, time, extra(size, config.avgPersonBytes(), rng));
  }

  private Auction auction(long lastAuction, long lastPerson, long time, Rng rng) {
    long id = FIRST_AUCTION_ID + lastAuction;
    long sellerBits = rng.nextLong();
    long seller =
        Rng.below(Rng.high(sellerBits), config.hotSellerRatio()) > 0
            ? hot(lastPerson, config.hotSellerRatio())
            : recentPersonId(lastPerson, Rng.low(sellerBits));
    long category = FIRST_CATEGORY_ID + rng.nextInt(CATEGORIES);
    long initialBid = price(rng);
    long reserve = initialBid + price(rng);
    long expires = time + 1 + Rng.below(Rng.high(rng.nextLong()), 2 * auctionLengthMillis);
    String itemName = rng.letters(20);
    String description = rng.letters(100);
    int size = 8 + itemName.length() + description.length() + 8 * 7;
    return new Auction(
        id,
        itemName,
        description,
        initialBid,
        reserve,
        time,
        expires,
        FIRST_PERSON_ID + seller,
        category,
        extra(size, config.avgAuctionBytes(), rng));
  }

  /**
   * Most choices of a bid take one half of a 64-bit draw each, and both sides of a hot-or-not
   * choice are computed, so the choice is a conditional move rather than a branch that mispredicts
   * half the time: a bid is most of the stream, and its generation is work both engines' sources
   * share.
   */
  private Bid bid(long lastAuction, long lastPerson, long time, Rng rng) {
    long auctionBits = rng.nextLong();
    long open = openAuctionId(lastAuction, Rng.low(auctionBits));
    long auction =
        Rng.below(Rng.high(auctionBits), config.hotAuctionRatio()) > 0
            ? hot(lastAuction, config.hotAuctionRatio())
            : open;
    long bidderBits = rng.nextLong();
    long recent = recentPersonId(lastPerson, Rng.low(bidderBits));
    long bidder =
        Rng.below(Rng.high(bidderBits), config.hotBidderRatio()) > 0
            ? hot(lastPerson, config.hotBidderRatio()) + 1
            : recent;
    long price = price(rng);
    int via = Channels.pick(rng.nextLong());
    int size = 8 * 4 + Channels.length(via);
    return new Bid(
        FIRST_AUCTION_ID + auction,
        FIRST_PERSON_ID + bidder,
        price,
        Channels.name(via),
        Channels.url(via),
        time,
        extra(size, config.avgBidBytes(), rng));
  }

  /**
   * Prices are log-uniform between 1 and 1,000,000 dollars, in cents: {@code 100 * 10^(6u)},
   * interpolated linearly between the 1,025 points of {@link #PRICE_CURVE} (within 0.003 % of the
   * curve; {@code Math.pow} per price was about a fifth of the time to generate a bid). Integer
   * arithmetic throughout: the draw's top 10 bits pick the step, the next 20 the point within it.
   */
  private static long price(Rng rng) {
    long bits = rng.nextLong();
    int step = (int) (bits >>> (64 - PRICE_STEP_BITS));
    long within = (bits >>> (64 - PRICE_STEP_BITS - 20)) & ((1 << 20) - 1);
    long low = PRICE_CURVE[step];
    long fixed = low + (((PRICE_CURVE[step + 1] - low) * within) >> 20);
    return (fixed + (1L << (PRICE_FRACTION_BITS - 1))) >> PRICE_FRACTION_BITS;
  }

  private static final int PRICE_STEP_BITS = 10;

  /** The curve's values are in 1/4096 cents, so interpolating between them loses nothing. */
  private static final int PRICE_FRACTION_BITS = 12;

  /** {@code 100 * 10^(6k / 1024)} cents for k in {@code 0 .. 1024}, in 1/4096 cents. */
  private static final long[] PRICE_CURVE = priceCurve();

  private static long[] priceCurve() {
    int steps = 1 << PRICE_STEP_BITS;
    long[] curve = new long[steps + 1];
    for (int k = 0; k <= steps; k++) {
      curve[k] = Math.round(Math.pow(10.0, 6.0 * k / steps) * 100.0 * (1 << PRICE_FRACTION_BITS));
    }
    return curve;
  }

  /** Padding that brings a record of {@code size} bytes to {@code average} on average. */
  private static String extra(int size, int average, Rng rng) {
    int missing = average - size;
    if (missing <= 0) {
      return "";
    }
    // 0.8 to 1.2 times what is missing, in 1/4096ths, rounded; the variant from the other half
    long bits = rng.nextLong();
    long scale = 3277 + Rng.below(Rng.low(bits), 1639);
    int length = (int) ((missing * scale + 2048) >> 12);
    return Extras.pick(length, Rng.high(bits), rng);
  }

  /** 16 KiB of characters {@code first .. first + range - 1}, drawn from a SplitMix64 stream. */
  private static byte[] pool(long seed, char first, int range) {
    Rng rng = new Rng(seed, 0);
    byte[] bytes = new byte[1 << 14];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (first + rng.nextInt(range));
    }
    return bytes;
  }

  private static String pick(String[] choices, Rng rng) {
    return choices[rng.nextInt(choices.length)];
  }

  /**
   * The channels bids come through and the url each one reports, built once per JVM. As in the
   * published generator, a channel's url is fixed (bids share the channel's string objects, so they
   * are not rebuilt, and their hash codes not recomputed, per bid); the four hot channels have
   * their own urls.
   */
  private static final class Channels {
    /** The four hot channels first, then the 10,000 others. */
    private static final int COUNT = HOT_CHANNELS.length + CHANNELS;

    // Parallel arrays rather than an object per channel: a bid reads one slot of each (the
    // lengths too, so it need not touch the strings, which a filtered bid never does otherwise).
    private static final String[] NAMES = new String[COUNT];
    private static final String[] URLS = new String[COUNT];
    private static final int[] LENGTHS = new int[COUNT];

    static {
      for (int i = 0; i < COUNT; i++) {
        boolean hot = i < HOT_CHANNELS.length;
        int number = hot ? i : i - HOT_CHANNELS.length;
        String name = hot ? HOT_CHANNELS[i] : "channel-" + number;
        String url = new Rng(hot ? 0x686f74L : 0x6368616eL, number).url();
        // computed once here, so every bid's fingerprint finds them cached
        name.hashCode();
        url.hashCode();
        NAMES[i] = name;
        URLS[i] = url;
        LENGTHS[i] = name.length() + url.length();
      }
    }

    /** The channel of a bid, chosen by 64 random bits: an index into the arrays. */
    static int pick(long bits) {
      int low = Rng.low(bits);
      int hot = (int) Rng.below(low, HOT_CHANNELS.length);
      int other = HOT_CHANNELS.length + (int) Rng.below(low, CHANNELS);
      return Rng.below(Rng.high(bits), HOT_CHANNELS_RATIO) > 0 ? hot : other;
    }

    static String name(int channel) {
      return NAMES[channel];
    }

    static String url(int channel) {
      return URLS[channel];
    }

    /** The characters of the channel's name and url together. */
    static int length(int channel) {
      return LENGTHS[channel];
    }
  }

  /**
   * The padding strings, built once per JVM: {@link #VARIANTS} random strings of each length. The
   * padding is filler (NEXMark's {@code extra}), so a fixed pool serves as well as a new string per
   * event, and its strings, like the channels' urls, are neither rebuilt nor re-hashed per event;
   * both engines still copy and serialize them like any other string.
   */
  private static final class Extras {
    /**
     * The longest pooled padding; the defaults need at most about 380 (an auction's). Longer ones,
     * for configurations with larger records, are drawn per event.
     */
    static final int MAX_LENGTH = 512;

    static final int VARIANTS = 16;

    private static final String[] POOL = build();

    private static String[] build() {
      String[] pool = new String[(MAX_LENGTH + 1) * VARIANTS];
      Rng rng = new Rng(0x6578747261L, 0);
      for (int length = 0; length <= MAX_LENGTH; length++) {
        for (int variant = 0; variant < VARIANTS; variant++) {
          String extra = rng.letters(length);
          extra.hashCode(); // cached in the string, as for the urls
          pool[length * VARIANTS + variant] = extra;
        }
      }
      return pool;
    }

    /** One of the pool's strings of {@code length} letters. */
    static String pick(int length, int bits, Rng rng) {
      if (length > MAX_LENGTH) {
        return rng.letters(length);
      }
      return POOL[length * VARIANTS + (int) Rng.below(bits, VARIANTS)];
    }
  }

  /** A SplitMix64 stream for one event. Confined to the generating call. */
  private static final class Rng {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private long state;

    /** A stream of its own for each (seed, number): the pools and the channels' urls. */
    Rng(long seed, long number) {
      state = Fingerprint.mix(seed ^ Fingerprint.mix(number + GOLDEN));
    }

    private Rng(long state) {
      this.state = state;
    }

    /** What {@link #forEvent} needs of a seed, computed once per generator. */
    static long mixSeed(long seed) {
      return Fingerprint.mix(seed + GOLDEN);
    }

    /**
     * The stream of one event: one mix of its number with the mixed seed (a bijection, so no two
     * events start alike), not two as for the pools; events are most of the generator's work.
     */
    static Rng forEvent(long mixedSeed, long eventNumber) {
      return new Rng(Fingerprint.mix(eventNumber ^ mixedSeed));
    }

    long nextLong() {
      state += GOLDEN;
      return Fingerprint.mix(state);
    }

    /** Uniform in {@code [0, bound)}, from the high half of a draw. */
    int nextInt(int bound) {
      return (int) below(high(nextLong()), bound);
    }

    /**
     * Uniform in {@code [0, bound)} (up to a bias of {@code bound / 2^32}) from 32 random bits: a
     * multiply and a shift, where a 64-bit division per draw was a large part of the generator's
     * time. {@code bound} must be below 2^32.
     */
    static long below(int bits, long bound) {
      return ((bits & 0xffffffffL) * bound) >>> 32;
    }

    /** The high 32 bits of a draw: one random value. */
    static int high(long bits) {
      return (int) (bits >>> 32);
    }

    /** The low 32 bits of a draw: another, independent of the high ones. */
    static int low(long bits) {
      return (int) bits;
    }

    /** {@code length} random lower-case letters. */
    String letters(int length) {
      return slice(LETTER_POOL, length);
    }

    /** {@code https://www.nexmark.com/<5 letters>/item.htm?query=<2 digits>}, built in one copy. */
    String url() {
      byte[] bytes = new byte[URL_LENGTH];
      System.arraycopy(URL_HOST, 0, bytes, 0, URL_HOST.length);
      int at = URL_HOST.length;
      copySlice(LETTER_POOL, 5, bytes, at);
      at += 5;
      System.arraycopy(URL_QUERY, 0, bytes, at, URL_QUERY.length);
      at += URL_QUERY.length;
      copySlice(DIGIT_POOL, 2, bytes, at);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** {@code <7 letters>@<5 letters>.com}, built in one copy. */
    String email() {
      byte[] bytes = new byte[7 + 1 + 5 + DOT_COM.length];
      copySlice(LETTER_POOL, 7, bytes, 0);
      bytes[7] = '@';
      copySlice(LETTER_POOL, 5, bytes, 8);
      System.arraycopy(DOT_COM, 0, bytes, 13, DOT_COM.length);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Four groups of four random digits, separated by spaces, built in one copy. */
    String creditCard() {
      byte[] bytes = new byte[4 * 4 + 3];
      for (int group = 0; group < 4; group++) {
        if (group > 0) {
          bytes[5 * group - 1] = ' ';
        }
        copySlice(DIGIT_POOL, 4, bytes, 5 * group);
      }
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * A random window of a fixed random pool: a copy instead of a random draw per character, which
     * was half of the generator's time. Windows of the same length at different offsets differ, so
     * strings stay varied; the pool is fixed, the offsets come from the event's stream.
     */
    private String slice(byte[] pool, int length) {
      return new String(pool, offset(pool, length), length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Copies a random window of {@code length} bytes of {@code pool} into {@code into} at {@code
     * at}.
     */
    private void copySlice(byte[] pool, int length, byte[] into, int at) {
      System.arraycopy(pool, offset(pool, length), into, at, length);
    }

    private int offset(byte[] pool, int length) {
      if (length > pool.length) {
        throw new IllegalArgumentException(
            "a random string of " + length + " characters exceeds the pool of " + pool.length);
      }
      return nextInt(pool.length - length + 1);
    }
  }
}
