package gx.enrollment.gateway.lottery;

/** The steps of a lottery, in order; each step is possible only from the one before it. */
public enum LotteryState {
  /** Applicants entered; the list may still be thrown away (delete) and created again. */
  CREATED,
  /** The list is fixed and its hash published (and, if given, the seed's commitment). */
  FROZEN,
  /** The seed is announced, with its time. */
  SEEDED,
  /** Ranked, the first places eligible admitted, statuses moved, transcript stored. */
  DRAWN,
  /** The transcript has been published. */
  PUBLISHED;

  /** Whether this state is {@code step} or comes after it. */
  public boolean reached(LotteryState step) {
    return compareTo(step) >= 0;
  }
}
