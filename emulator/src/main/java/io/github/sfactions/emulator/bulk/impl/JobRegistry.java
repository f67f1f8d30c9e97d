package io.github.sfactions.emulator.bulk.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All live jobs, found by their 18- or 15-character id and listed in creation order. */
public final class JobRegistry {

  private static final int SHORT_ID_LENGTH = 15;

  private final Map<String, IngestJob> byShortId = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /** The next creation sequence number. */
  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Registers a new job. */
  public void add(IngestJob job) {
    byShortId.put(shortId(job.spec().id()), job);
  }

  /** The job with {@code id} (15 characters, or 18 with a matching suffix). */
  public Optional<IngestJob> find(String id) {
    if (id == null || (id.length() != SHORT_ID_LENGTH && id.length() != SHORT_ID_LENGTH + 3)) {
      return Optional.empty();
    }
    IngestJob job = byShortId.get(shortId(id));
    if (job == null || (id.length() > SHORT_ID_LENGTH && !job.spec().id().equalsIgnoreCase(id))) {
      return Optional.empty();
    }
    return Optional.of(job);
  }

  /** Forgets a job. */
  public void remove(IngestJob job) {
    byShortId.remove(shortId(job.spec().id()), job);
  }

  /** Every job, oldest first. */
  public List<IngestJob> all() {
    List<IngestJob> jobs = new ArrayList<>(byShortId.values());
    jobs.sort(Comparator.comparingLong(IngestJob::sequence));
    return jobs;
  }

  /** Forgets every job and returns them. */
  public List<IngestJob> clear() {
    List<IngestJob> jobs = all();
    jobs.forEach(this::remove);
    return jobs;
  }

  private static String shortId(String id) {
    return id.length() > SHORT_ID_LENGTH ? id.substring(0, SHORT_ID_LENGTH) : id;
  }
}
