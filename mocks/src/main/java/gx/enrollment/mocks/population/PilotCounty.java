package gx.enrollment.mocks.population;

import java.util.Arrays;
import java.util.List;

/**
 * The county-level units of the 2024 pilot (seed, question 13), with their consultation phones.
 * {@code 市直属} units (schools directly under the city) carry the city's own code.
 */
public enum PilotCounty {
  QINZHOU_CITY("450700", "钦州市", "市直属", "0777-2880977"),
  QINNAN("450702", "钦州市", "钦南区", "0777-2697376"),
  QINBEI("450703", "钦州市", "钦北区", "0777-3686176"),
  LINGSHAN("450721", "钦州市", "灵山县", "0777-6429786"),
  PUBEI("450722", "钦州市", "浦北县", "0777-8212350"),
  XINCHENG("451321", "来宾市", "忻城县", "0772-5515032", "0772-5511757"),
  XIANGZHOU("451322", "来宾市", "象州县", "0772-4363880", "0772-4361850"),
  WUXUAN("451323", "来宾市", "武宣县", "0772-5212014", "0772-5212967"),
  JINXIU("451324", "来宾市", "金秀瑶族自治县", "0772-6213382"),
  HESHAN("451381", "来宾市", "合山市", "0772-8919107"),
  CHONGZUO_CITY("451400", "崇左市", "市直属", "0771-7837802", "0771-7870633"),
  JIANGZHOU("451402", "崇左市", "江州区", "0771-7825063", "0771-7990797"),
  FUSUI("451421", "崇左市", "扶绥县", "0771-7533393", "0771-7510918"),
  NINGMING("451422", "崇左市", "宁明县", "0771-8621827"),
  LONGZHOU("451423", "崇左市", "龙州县", "0771-8825066"),
  DAXIN("451424", "崇左市", "大新县", "0771-3622255"),
  TIANDENG("451425", "崇左市", "天等县", "0771-3528866", "0771-3528055"),
  PINGXIANG("451481", "崇左市", "凭祥市", "0771-8532309");

  private final String code;
  private final String cityName;
  private final String countyName;
  private final List<String> consultationPhones;

  PilotCounty(String code, String cityName, String countyName, String... consultationPhones) {
    this.code = code;
    this.cityName = cityName;
    this.countyName = countyName;
    this.consultationPhones = List.of(consultationPhones);
  }

  /** The county with this GB/T 2260 code. */
  public static PilotCounty of(String code) {
    return Arrays.stream(values())
        .filter(county -> county.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a pilot county: " + code));
  }

  public String code() {
    return code;
  }

  public String cityName() {
    return cityName;
  }

  /** The county's name, or {@code 市直属} for schools directly under the city. */
  public String countyName() {
    return countyName;
  }

  public List<String> consultationPhones() {
    return consultationPhones;
  }

  /** Whether this unit stands for the schools directly under the city rather than a county. */
  public boolean cityDirect() {
    return code.endsWith("00");
  }

  /** Where families of this unit live: a city-direct unit's families live in its main district. */
  public PilotCounty residence() {
    return switch (this) {
      case QINZHOU_CITY -> QINNAN;
      case CHONGZUO_CITY -> JIANGZHOU;
      default -> this;
    };
  }

  /** {@code 钦州市钦南区}, {@code 钦州市市直属}. */
  public String displayName() {
    return cityName + countyName;
  }

  /** The issuing authority named in a property certificate: the city for districts. */
  String certificateIssuer() {
    return countyName.endsWith("区") || cityDirect() ? cityName : countyName;
  }
}
