package gx.enrollment.mocks.population;

import static gx.enrollment.mocks.population.FamilyKeys.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The hand-written families: each is consistent except for the one thing its key names. Dates that
 * decide validity are relative to {@code today}; identities are literals, so that testers can type
 * them and the examples of the interface contracts work verbatim ({@code local-owner} and {@code
 * migrant-renter} are the people of UPSTREAMS.md).
 */
final class NamedFamilies {

  private static final String QINNAN = "450702";

  private final LocalDate today;
  private int phoneSerial = 1;

  NamedFamilies(LocalDate today) {
    this.today = today;
  }

  List<Family> all() {
    return List.of(
        family(
                LOCAL_OWNER,
                "local child and mother who owns the home in 450702; she also holds a permit and"
                    + " contributes, so the API.md example (form A, every section) verifies")
            .child(local("450702201809120011", "黄小明"))
            .guardian(local("450702198803150020", "黄丽"), "MOTHER")
            .phone("13800771234")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing(QINNAN, "钦州港某物流有限公司", 30))
            .property(owned("桂(2022)钦州市不动产权第0012345号", "钦州市钦南区某路1号", QINNAN, "2022-03-18"))
            .build(),
        family(MIGRANT_RENTER, "migrant father: valid permit, 26 months social security; rents")
            .child(Resident.of("430621201803210155", "韦嘉宇", "430621"))
            .guardian(Resident.of("430621199001011234", "韦强", "430621"), "FATHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing(QINNAN, "钦州港某物流有限公司", 26))
            .build(),
        family(MIGRANT_OWNER, "migrant father: valid permit, social security, owns the home")
            .child(Resident.of("431102201804160027", "覃思琪", "431102"))
            .guardian(Resident.of("431102198707230033", "覃志刚", "431102"), "FATHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing(QINNAN, "钦州某电子科技有限公司", 38))
            .property(
                owned("桂(2023)钦州市不动产权第0023456号", "钦州市钦南区文峰路88号2栋1单元602室", QINNAN, "2023-05-20")
                    .mortgaged())
            .build(),
        family(LOCAL_SIMPLE, "local family in 451321 (忻城县, form B): household register only")
            .region("451321")
            .child(Resident.of("451321201806050028", "蓝欣怡", "451321"))
            .guardian(Resident.of("451321198511100011", "蓝海军", "451321"), "FATHER")
            .build(),
        family(JUNIOR_LOCAL, "local junior-school child (born 2012) in 451402; mother owns home")
            .region("451402")
            .stage(Stage.JUNIOR)
            .child(Resident.of("451402201203150018", "农俊杰", "451402"))
            .guardian(Resident.of("451402198002200029", "农美华", "451402"), "MOTHER")
            .property(
                owned("桂(2019)崇左市不动产权第0034567号", "崇左市江州区石景林路16号3栋2单元301室", "451402", "2019-08-08"))
            .build(),
        family(CHILD_NAME_MISMATCH, "parent types 陆小峰, the register holds 陆晓峰: NAME_MISMATCH")
            .child(local("450702201802140052", "陆晓峰"))
            .declaredChildName("陆小峰")
            .guardian(local("45070219840606003X", "陆建国"), "FATHER")
            .property(
                owned("桂(2021)钦州市不动产权第0045678号", "钦州市钦南区永福西大街52号1栋3单元702室", QINNAN, "2021-04-12"))
            .build(),
        family(CHILD_NOT_FOUND, "child's valid ID is not in the household register: NOT_FOUND")
            .child(local("450702201807070073", "梁子涵"))
            .childUnregistered()
            .guardian(local("45070219891212004X", "梁秀英"), "MOTHER")
            .property(
                owned("桂(2020)钦州市不动产权第0067890号", "钦州市钦南区南珠东大街9号5栋1单元1102室", QINNAN, "2020-10-15"))
            .build(),
        family(NOT_GUARDIAN, "both registered, but not as parent and child: relation MISMATCH")
            .child(local("450702201803030066", "莫雨桐"))
            .guardian(local("450702198101010090", "莫振宇"), "FATHER")
            .guardianshipUnrecorded()
            .property(
                owned("桂(2018)钦州市不动产权第0078901号", "钦州市钦南区扬帆北路21号7栋2单元401室", QINNAN, "2018-06-30"))
            .build(),
        family(PERMIT_EXPIRED, "migrant father whose permit ended six months ago: EXPIRED")
            .child(Resident.of("430621201801220085", "李梓萱", "430621"))
            .guardian(Resident.of("430621198604180059", "李卫东", "430621"), "FATHER")
            .permit(new Permit(QINNAN, today.minusYears(5).minusMonths(6), today.minusMonths(6)))
            .socialSecurity(contributing(QINNAN, "钦州某商贸有限公司", 24))
            .build(),
        family(
                PERMIT_OTHER_REGION,
                "migrant father with a valid permit for 崇左 (451402): OTHER_REGION")
            .child(Resident.of("520102201801250044", "何佳怡", "520102"))
            .guardian(Resident.of("520102198809090036", "何勇", "520102"), "FATHER")
            .permit(validPermit("451402"))
            .socialSecurity(contributing(QINNAN, "钦州某建筑工程有限公司", 30))
            .build(),
        family(PERMIT_MISSING, "migrant father without a residence permit: NOT_FOUND")
            .child(Resident.of("360732201806180031", "邓宇航", "360732"))
            .guardian(Resident.of("360732199102020013", "邓伟", "360732"), "FATHER")
            .socialSecurity(contributing(QINNAN, "钦州港某汽车服务有限公司", 20))
            .build(),
        family(
                SOCIAL_SECURITY_LAPSED,
                "migrant mother, social security stopped 7 months ago: LAPSED")
            .child(Resident.of("430621201808100115", "周子轩", "430621"))
            .guardian(Resident.of("430621199205050024", "周芳", "430621"), "MOTHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(
                new SocialSecurity(
                    QINNAN, "钦州某餐饮管理有限公司", 18, false, YearMonth.from(today).minusMonths(7)))
            .build(),
        family(SOCIAL_SECURITY_SHORT, "migrant father contributing 5 continuous months")
            .child(Resident.of("431102201805090104", "刘欣妍", "431102"))
            .guardian(Resident.of("431102199003030070", "刘洋", "431102"), "FATHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing(QINNAN, "钦州某食品有限公司", 5))
            .build(),
        family(
                SOCIAL_SECURITY_OTHER_REGION,
                "migrant mother contributing in 南宁 (450103): OTHER_REGION")
            .child(Resident.of("440883201802270131", "陈浩然", "440883"))
            .guardian(Resident.of("440883198712120047", "陈静", "440883"), "MOTHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing("450103", "南宁某商贸有限公司", 40))
            .build(),
        family(PROPERTY_SEALED, "local mother's home is under a court seal: SEALED")
            .child(local("45070220180419015X", "潘俊熙"))
            .guardian(local("450702198608080063", "潘桂兰"), "MOTHER")
            .property(
                owned("桂(2017)钦州市不动产权第0089012号", "钦州市钦南区文峰南路33号4栋1单元902室", QINNAN, "2017-09-01")
                    .sealed())
            .build(),
        family(PROPERTY_OTHER_OWNER, "declared certificate belongs to someone else: OWNER_MISMATCH")
            .child(local("450702201806110125", "卢雅琪"))
            .guardian(local("450702198303150112", "卢志明"), "FATHER")
            .property(
                new PropertyDraft(
                    "桂(2016)钦州市不动产权第0090123号",
                    "钦州市钦南区二马路17号",
                    QINNAN,
                    "2016-11-11",
                    "450702196507070131"))
            .build(),
        family(
                PROPERTY_OTHER_REGION,
                "owned home lies in 450721 (灵山县): MATCH with regionCode 450721")
            .child(local("450702201807300174", "杨博文"))
            .guardian(local("450702199004260084", "杨春燕"), "MOTHER")
            .property(owned("桂(2020)灵山县不动产权第0056789号", "钦州市灵山县灵城镇人民路66号", "450721", "2020-07-07"))
            .build(),
        family(PRIORITY_CATEGORY, "local family in 450703, father an active serviceman (form B)")
            .region("450703")
            .child(Resident.of("450703201803120025", "罗一诺", "450703"))
            .guardian(Resident.of("450703198507010011", "罗军", "450703"), "FATHER")
            .priorityCategory("ACTIVE_SERVICEMAN")
            .build(),
        family(MINORITY_NAME, "consistent migrant family with Uyghur names containing ·")
            .child(Resident.of("650102201805200035", "阿迪力·艾力", "650102"))
            .guardian(Resident.of("650102198603150012", "艾力·买买提", "650102"), "FATHER")
            .permit(validPermit(QINNAN))
            .socialSecurity(contributing(QINNAN, "钦州港某物流有限公司", 15))
            .build());
  }

  private FamilyDraft family(String key, String description) {
    return new FamilyDraft(key, description, String.format("139777%05d", ++phoneSerial));
  }

  private static Resident local(String idNumber, String name) {
    return Resident.of(idNumber, name, QINNAN);
  }

  private Permit validPermit(String regionCode) {
    return new Permit(
        regionCode, today.minusYears(3).minusMonths(1), today.plusYears(2).plusMonths(11));
  }

  private SocialSecurity contributing(String regionCode, String employer, int months) {
    return new SocialSecurity(
        regionCode, employer, months, true, YearMonth.from(today).minusMonths(1));
  }

  private static PropertyDraft owned(
      String certificate, String address, String regionCode, String registeredOn) {
    return new PropertyDraft(certificate, address, regionCode, registeredOn, null);
  }
}
