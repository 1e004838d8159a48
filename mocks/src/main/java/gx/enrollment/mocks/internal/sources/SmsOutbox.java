package gx.enrollment.mocks.internal.sources;

import gx.enrollment.mocks.SentSms;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The messages the SMS stub accepted, in order of acceptance. */
public final class SmsOutbox {

  private final List<SentSms> messages = new CopyOnWriteArrayList<>();

  void add(SentSms message) {
    messages.add(message);
  }

  /** A snapshot of the accepted messages. */
  public List<SentSms> messages() {
    return List.copyOf(messages);
  }

  public void clear() {
    messages.clear();
  }
}
