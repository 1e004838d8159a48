package gx.enrollment.gateway.submission;

/** The priority groups (优抚对象) of the seed, question 5; allowed on form B only. */
public enum PriorityCategory {
  MARTYR_CHILD("烈士子女"),
  ACTIVE_SERVICEMAN("符合条件的现役军人子女"),
  POLICE_HERO("公安英模子女"),
  POLICE_CASUALTY("因公牺牲伤残警察子女"),
  FIRE_RESCUE("消防救援人员子女"),
  HIGH_LEVEL_TALENT("高层次人才子女"),
  URGENT_TALENT("急需紧缺人才子女"),
  OTHER_POLICY("政策规定的其他优抚对象子女");

  private final String label;

  PriorityCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
