package gx.enrollment.mocks.population;

/** The school stage a child enrolls into for school year 2024. */
public enum Stage {
  /** Grade 1 of primary school (幼升小); children born in 2018. */
  PRIMARY(2018),
  /** Grade 1 of junior middle school (小升初); children born in 2012. */
  JUNIOR(2012);

  private final int birthYear;

  Stage(int birthYear) {
    this.birthYear = birthYear;
  }

  /** The year the population's children of this stage were born in. */
  public int birthYear() {
    return birthYear;
  }
}
