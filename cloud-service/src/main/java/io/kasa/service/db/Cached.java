package io.kasa.service.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rows kept in memory while {@link Invalidations} says they are current (ADR 0016). Each entry
 * carries the topic's generation taken before it was read, so an entry read across a change is
 * never used. At most {@code capacity} entries are kept; past that the cache starts empty again.
 *
 * @param <K> what an entry is looked up by
 * @param <V> what is kept
 */
public final class Cached<K, V> {

  private record Entry<V>(long stamp, V value) {}

  private final Invalidations invalidations;
  private final Invalidations.Topic topic;
  private final int capacity;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public Cached(Invalidations invalidations, Invalidations.Topic topic, int capacity) {
    this.invalidations = invalidations;
    this.topic = topic;
    this.capacity = capacity;
  }

  /** The kept value, or null when none is kept or it may be stale. */
  public V get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (!invalidations.current(topic, e.stamp())) {
      entries.remove(key, e);
      return null;
    }
    return e.value();
  }

  /**
   * The kept value, or else what {@code load} reads now, kept for next time. Load outside any lock:
   * two callers may both load on a miss, and both get a right answer.
   */
  public V get(K key, Function<K, V> load) {
    V kept = get(key);
    if (kept != null) {
      return kept;
    }
    long stamp = stamp();
    V value = load.apply(key);
    put(key, value, stamp);
    return value;
  }

  /** The stamp to take before reading what {@link #put} will keep; see {@link #put}. */
  public long stamp() {
    return invalidations.stamp(topic);
  }

  /**
   * Keeps {@code value}, read after {@code stamp} was taken; nothing is kept when it may already be
   * stale or the value is null.
   */
  public void put(K key, V value, long stamp) {
    if (value == null || !invalidations.current(topic, stamp)) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, new Entry<>(stamp, value));
  }
}
