package gx.enrollment.mocks.population;

import java.util.List;
import java.util.random.RandomGenerator;

/** Plausible Chinese names, drawn from surnames common in Guangxi. */
final class ChineseNames {

  private static final List<String> SURNAMES =
      List.of(
          "黄", "韦", "李", "陆", "梁", "覃", "莫", "蒙", "农", "陈", "刘", "林", "蓝", "罗", "潘", "卢", "何", "邓",
          "周", "杨", "张", "王", "吴", "赵", "谢", "苏", "廖", "甘", "庞", "冯");
  private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "上官");
  private static final String MALE = "伟强军勇杰涛明超斌华建国志文辉鹏浩宇航俊轩睿博泽晨霖铭凯";
  private static final String FEMALE = "丽芳娟敏静燕婷霞红梅兰琳欣怡萱涵琪雨桐诗雅悦婉馨月";
  private static final List<String> UYGHUR_MALE = List.of("艾力", "买买提", "阿不都", "吐尔逊", "努尔", "阿迪力");
  private static final List<String> UYGHUR_FEMALE = List.of("古丽", "阿依古丽", "帕提曼", "热依拉");

  private final RandomGenerator random;

  ChineseNames(RandomGenerator random) {
    this.random = random;
  }

  /** A surname, now and then a compound one. */
  String surname() {
    return random.nextInt(25) == 0 ? pick(COMPOUND_SURNAMES) : pick(SURNAMES);
  }

  /** A full name with the given surname: one or two given-name characters. */
  String name(String surname, boolean female, boolean twoCharacters) {
    String pool = female ? FEMALE : MALE;
    StringBuilder name = new StringBuilder(surname).append(pick(pool));
    if (twoCharacters && surname.length() == 1) {
      name.append(pick(pool));
    }
    return name.toString();
  }

  /** A Uyghur-style name, given name · father's given name. */
  String uyghurName(boolean female, String fatherGivenName) {
    return pick(female ? UYGHUR_FEMALE : UYGHUR_MALE) + "·" + fatherGivenName;
  }

  /** A Uyghur man's given name, to be a father's name in his children's names. */
  String uyghurGivenName() {
    return pick(UYGHUR_MALE);
  }

  private String pick(String characters) {
    return String.valueOf(characters.charAt(random.nextInt(characters.length())));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
