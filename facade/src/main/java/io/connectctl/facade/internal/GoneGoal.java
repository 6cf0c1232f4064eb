package io.connectctl.facade.internal;

/** Internal: waits until the connector no longer exists; nothing it shows before that counts. */
record GoneGoal() implements WaitGoal {
  @Override
  public String target() {
    return "deleted";
  }

  @Override
  public RequestKind request() {
    return RequestKind.NONE;
  }

  @Override
  public boolean endsWhenGone() {
    return true;
  }

  @Override
  public boolean reached(Poll poll, ObservedHistory history, StatusReading reading) {
    return false;
  }
}
