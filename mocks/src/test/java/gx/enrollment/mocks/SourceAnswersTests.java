package gx.enrollment.mocks;

import static gx.enrollment.mocks.SourceRequests.guardianIn;
import static gx.enrollment.mocks.SourceRequests.household;
import static gx.enrollment.mocks.SourceRequests.realEstate;
import static gx.enrollment.mocks.StubClient.body;
import static gx.enrollment.mocks.StubClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.FamilyKeys;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each named family gets the answer its key promises, in the contract's shape. */
class SourceAnswersTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-15T02:00:00Z"), SyntheticPopulation.ZONE);

  private static GovernmentStubs stubs;
  private static StubClient client;

  @BeforeAll
  static void start() {
    stubs = GovernmentStubs.start(StubOptions.defaults().withClock(CLOCK));
    client = new StubClient(stubs);
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @Test
  void answers_the_contracts_household_example_verbatim() {
    String example =
        """
        { "child":    { "idNumber": "450702201809120011", "name": "黄小明" },
          "guardian": { "idNumber": "450702198803150020", "name": "黄丽",  "relation": "MOTHER" } }
        """;

    HttpResponse<String> response = client.post(Upstream.HOUSEHOLD, example);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(body(response))
        .isEqualTo(
            json(
                """
                { "child":    { "status": "MATCH", "regionCode": "450702", "hukouType": "LOCAL" },
                  "guardian": { "status": "MATCH", "regionCode": "450702", "hukouType": "LOCAL" },
                  "relation": { "status": "MATCH", "sameHousehold": true } }
                """));
  }

  @Test
  void local_owner_owns_the_declared_home() {
    Family family = family(FamilyKeys.LOCAL_OWNER);

    JsonNode answer = ok(Upstream.REAL_ESTATE, realEstate(family));

    assertThat(answer)
        .isEqualTo(
            json(
                """
                { "status": "MATCH", "regionCode": "450702", "address": "钦州市钦南区某路1号",
                  "ownerMatched": true, "registeredOn": "2022-03-18", "mortgaged": false }
                """));
  }

  @Test
  void migrant_renter_has_a_valid_permit_and_26_months_of_contributions() {
    Family family = family(FamilyKeys.MIGRANT_RENTER);

    JsonNode hukou = ok(Upstream.HOUSEHOLD, household(family));
    JsonNode permit = ok(Upstream.RESIDENCE_PERMIT, guardianIn(family));
    JsonNode social = ok(Upstream.SOCIAL_SECURITY, guardianIn(family));

    assertThat(hukou.at("/guardian/hukouType").asText()).isEqualTo("NON_LOCAL");
    assertThat(hukou.at("/guardian/regionCode").asText()).isEqualTo("430621");
    assertThat(hukou.at("/relation/status").asText()).isEqualTo("MATCH");
    assertThat(permit.get("status").asText()).isEqualTo("VALID");
    assertThat(permit.get("regionCode").asText()).isEqualTo("450702");
    assertThat(permit.get("validFrom").asText()).isLessThan("2024-06-15");
    assertThat(permit.get("validTo").asText()).isGreaterThan("2024-06-15");
    assertThat(social)
        .isEqualTo(
            json(
                """
                { "status": "CONTRIBUTING", "regionCode": "450702", "employer": "钦州港某物流有限公司",
                  "continuousMonths": 26, "lastPaidMonth": "2024-05" }
                """));
  }

  @Test
  void migrant_owner_matches_in_all_four_sources() {
    Family family = family(FamilyKeys.MIGRANT_OWNER);

    assertThat(ok(Upstream.HOUSEHOLD, household(family)).at("/relation/status").asText())
        .isEqualTo("MATCH");
    assertThat(status(Upstream.RESIDENCE_PERMIT, guardianIn(family))).isEqualTo("VALID");
    assertThat(status(Upstream.SOCIAL_SECURITY, guardianIn(family))).isEqualTo("CONTRIBUTING");
    JsonNode property = ok(Upstream.REAL_ESTATE, realEstate(family));
    assertThat(property.get("status").asText()).isEqualTo("MATCH");
    assertThat(property.get("mortgaged").asBoolean()).isTrue();
  }

  @Test
  void local_simple_is_registered_in_xincheng_and_holds_no_permit() {
    Family family = family(FamilyKeys.LOCAL_SIMPLE);

    JsonNode hukou = ok(Upstream.HOUSEHOLD, household(family));

    assertThat(hukou.at("/child/regionCode").asText()).isEqualTo("451321");
    assertThat(hukou.at("/child/hukouType").asText()).isEqualTo("LOCAL");
    assertThat(status(Upstream.RESIDENCE_PERMIT, guardianIn(family))).isEqualTo("NOT_FOUND");
  }

  @Test
  void junior_local_owns_a_home_in_jiangzhou() {
    Family family = family(FamilyKeys.JUNIOR_LOCAL);

    JsonNode property = ok(Upstream.REAL_ESTATE, realEstate(family));

    assertThat(family.child().birthDate().getYear()).isEqualTo(2012);
    assertThat(property.get("status").asText()).isEqualTo("MATCH");
    assertThat(property.get("regionCode").asText()).isEqualTo("451402");
  }

  @Test
  void child_name_mismatch_reports_the_child_as_name_mismatch_without_details() {
    Family family = family(FamilyKeys.CHILD_NAME_MISMATCH);

    JsonNode typed = ok(Upstream.HOUSEHOLD, household(family));
    JsonNode registered =
        ok(Upstream.HOUSEHOLD, household(family, family.child().name(), family.relation()));

    assertThat(typed.get("child")).isEqualTo(json("{\"status\": \"NAME_MISMATCH\"}"));
    assertThat(typed.at("/guardian/status").asText()).isEqualTo("MATCH");
    assertThat(typed.get("relation")).isEqualTo(json("{\"status\": \"UNKNOWN\"}"));
    assertThat(registered.at("/child/status").asText()).isEqualTo("MATCH");
  }

  @Test
  void child_not_found_reports_the_child_not_found_and_the_relation_unknown() {
    JsonNode answer = ok(Upstream.HOUSEHOLD, household(family(FamilyKeys.CHILD_NOT_FOUND)));

    assertThat(answer.get("child")).isEqualTo(json("{\"status\": \"NOT_FOUND\"}"));
    assertThat(answer.at("/guardian/status").asText()).isEqualTo("MATCH");
    assertThat(answer.at("/relation/status").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void not_guardian_reports_both_persons_but_a_relation_mismatch() {
    JsonNode answer = ok(Upstream.HOUSEHOLD, household(family(FamilyKeys.NOT_GUARDIAN)));

    assertThat(answer.at("/child/status").asText()).isEqualTo("MATCH");
    assertThat(answer.at("/guardian/status").asText()).isEqualTo("MATCH");
    assertThat(answer.get("relation"))
        .isEqualTo(json("{\"status\": \"MISMATCH\", \"sameHousehold\": false}"));
  }

  @Test
  void a_declared_relation_other_than_the_registered_one_is_a_mismatch() {
    Family family = family(FamilyKeys.LOCAL_OWNER);

    JsonNode answer = ok(Upstream.HOUSEHOLD, household(family, family.child().name(), "FATHER"));

    assertThat(answer.at("/relation/status").asText()).isEqualTo("MISMATCH");
    assertThat(answer.at("/relation/sameHousehold").asBoolean()).isTrue();
  }

  @Test
  void permit_expired_is_expired_with_its_dates() {
    JsonNode answer = ok(Upstream.RESIDENCE_PERMIT, guardianIn(family(FamilyKeys.PERMIT_EXPIRED)));

    assertThat(answer.get("status").asText()).isEqualTo("EXPIRED");
    assertThat(answer.get("regionCode").asText()).isEqualTo("450702");
    assertThat(answer.get("validFrom").asText()).isEqualTo("2018-12-15");
    assertThat(answer.get("validTo").asText()).isEqualTo("2023-12-15");
  }

  @Test
  void permit_other_region_is_valid_in_chongzuo_only() {
    Family family = family(FamilyKeys.PERMIT_OTHER_REGION);

    JsonNode inQinzhou = ok(Upstream.RESIDENCE_PERMIT, guardianIn(family, "450702"));
    JsonNode inChongzuo = ok(Upstream.RESIDENCE_PERMIT, guardianIn(family, "451421"));

    assertThat(inQinzhou.get("status").asText()).isEqualTo("OTHER_REGION");
    assertThat(inQinzhou.get("regionCode").asText()).isEqualTo("451402");
    assertThat(inQinzhou.has("validTo")).isTrue();
    assertThat(inChongzuo.get("status").asText()).isEqualTo("VALID");
  }

  @Test
  void a_permit_is_valid_for_the_schools_directly_under_its_city() {
    Family family = family(FamilyKeys.MIGRANT_RENTER);

    assertThat(status(Upstream.RESIDENCE_PERMIT, guardianIn(family, "450700"))).isEqualTo("VALID");
  }

  @Test
  void permit_missing_is_not_found_without_dates() {
    JsonNode answer = ok(Upstream.RESIDENCE_PERMIT, guardianIn(family(FamilyKeys.PERMIT_MISSING)));

    assertThat(answer).isEqualTo(json("{\"status\": \"NOT_FOUND\"}"));
  }

  @Test
  void a_permit_asked_for_under_another_name_is_a_name_mismatch_without_details() {
    Family family = family(FamilyKeys.MIGRANT_RENTER);

    JsonNode answer =
        ok(
            Upstream.RESIDENCE_PERMIT,
            map("idNumber", family.guardian().idNumber(), "name", "韦刚", "regionCode", "450702"));

    assertThat(answer).isEqualTo(json("{\"status\": \"NAME_MISMATCH\"}"));
  }

  @Test
  void social_security_lapsed_is_lapsed_with_its_last_paid_month() {
    JsonNode answer =
        ok(Upstream.SOCIAL_SECURITY, guardianIn(family(FamilyKeys.SOCIAL_SECURITY_LAPSED)));

    assertThat(answer.get("status").asText()).isEqualTo("LAPSED");
    assertThat(answer.get("lastPaidMonth").asText()).isEqualTo("2023-11");
    assertThat(answer.get("continuousMonths").asInt()).isEqualTo(18);
  }

  @Test
  void social_security_short_contributes_for_five_months() {
    JsonNode answer =
        ok(Upstream.SOCIAL_SECURITY, guardianIn(family(FamilyKeys.SOCIAL_SECURITY_SHORT)));

    assertThat(answer.get("status").asText()).isEqualTo("CONTRIBUTING");
    assertThat(answer.get("continuousMonths").asInt()).isEqualTo(5);
  }

  @Test
  void social_security_other_region_contributes_in_nanning() {
    JsonNode answer =
        ok(Upstream.SOCIAL_SECURITY, guardianIn(family(FamilyKeys.SOCIAL_SECURITY_OTHER_REGION)));

    assertThat(answer.get("status").asText()).isEqualTo("OTHER_REGION");
    assertThat(answer.get("regionCode").asText()).isEqualTo("450103");
    assertThat(answer.get("employer").asText()).isEqualTo("南宁某商贸有限公司");
  }

  @Test
  void someone_without_contributions_is_not_found_in_social_security() {
    assertThat(status(Upstream.SOCIAL_SECURITY, guardianIn(family(FamilyKeys.LOCAL_SIMPLE))))
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void property_sealed_is_sealed() {
    JsonNode answer = ok(Upstream.REAL_ESTATE, realEstate(family(FamilyKeys.PROPERTY_SEALED)));

    assertThat(answer.get("status").asText()).isEqualTo("SEALED");
    assertThat(answer.get("ownerMatched").asBoolean()).isTrue();
  }

  @Test
  void property_other_owner_is_an_owner_mismatch_that_hides_the_address() {
    JsonNode answer = ok(Upstream.REAL_ESTATE, realEstate(family(FamilyKeys.PROPERTY_OTHER_OWNER)));

    assertThat(answer)
        .isEqualTo(
            json(
                "{\"status\": \"OWNER_MISMATCH\", \"regionCode\": \"450702\","
                    + " \"ownerMatched\": false}"));
  }

  @Test
  void property_other_region_matches_with_the_region_it_lies_in() {
    JsonNode answer =
        ok(Upstream.REAL_ESTATE, realEstate(family(FamilyKeys.PROPERTY_OTHER_REGION)));

    assertThat(answer.get("status").asText()).isEqualTo("MATCH");
    assertThat(answer.get("regionCode").asText()).isEqualTo("450721");
  }

  @Test
  void an_unknown_certificate_is_not_found() {
    JsonNode answer =
        ok(Upstream.REAL_ESTATE, realEstate("450702198803150020", "桂(2022)钦州市不动产权第9999999号"));

    assertThat(answer).isEqualTo(json("{\"status\": \"NOT_FOUND\"}"));
  }

  @Test
  void priority_category_family_is_registered_in_qinbei() {
    JsonNode answer = ok(Upstream.HOUSEHOLD, household(family(FamilyKeys.PRIORITY_CATEGORY)));

    assertThat(answer.at("/guardian/regionCode").asText()).isEqualTo("450703");
    assertThat(answer.at("/relation/status").asText()).isEqualTo("MATCH");
  }

  @Test
  void minority_names_with_a_middle_dot_match_whichever_dot_is_typed() {
    Family family = family(FamilyKeys.MINORITY_NAME);
    String typedWithBullet = family.child().name().replace('·', '•');

    JsonNode answer = ok(Upstream.HOUSEHOLD, household(family, typedWithBullet, family.relation()));

    assertThat(answer.at("/child/status").asText()).isEqualTo("MATCH");
    assertThat(answer.at("/relation/status").asText()).isEqualTo("MATCH");
  }

  @Test
  void every_generated_family_is_verified_by_every_source_it_uses() {
    for (Family family : stubs.population().families()) {
      if (!family.key().startsWith("gen-")) {
        continue;
      }
      JsonNode hukou = ok(Upstream.HOUSEHOLD, household(family));
      assertThat(hukou.at("/relation/status").asText()).as(family.key()).isEqualTo("MATCH");
      if (family.migrant()) {
        assertThat(status(Upstream.RESIDENCE_PERMIT, guardianIn(family)))
            .as(family.key())
            .isEqualTo("VALID");
        assertThat(status(Upstream.SOCIAL_SECURITY, guardianIn(family)))
            .as(family.key())
            .isEqualTo("CONTRIBUTING");
      }
      if (family.property() != null) {
        assertThat(status(Upstream.REAL_ESTATE, realEstate(family)))
            .as(family.key())
            .isEqualTo("MATCH");
      }
    }
  }

  private static Family family(String key) {
    return stubs.population().family(key);
  }

  private static JsonNode ok(Upstream upstream, Object body) {
    HttpResponse<String> response = client.post(upstream, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private static String status(Upstream upstream, Object body) {
    return ok(upstream, body).get("status").asText();
  }

  private static JsonNode json(String text) {
    return StubClient.parse(text);
  }
}
