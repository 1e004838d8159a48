package gx.enrollment.gateway.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.lottery.LotteryDraw.Entry;
import gx.enrollment.gateway.lottery.LotteryDraw.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LotteryDrawUnitTests {

  private static final String SEED = "2024-07-10 体彩排列5 31415";
  private static final List<String> THREE =
      List.of("GX2024-000003", "GX2024-000001", "GX2024-000002");

  // The expected values below were computed with coreutils, exactly as the README tells anyone to:
  //   printf '%s\n' GX2024-000003 GX2024-000001 GX2024-000002 | LC_ALL=C sort | sha256sum
  //   printf '%s\n%s' "$SEED" GX2024-000001 | sha256sum
  @Test
  void the_list_hash_is_what_sha256sum_gives_for_the_sorted_lines() {
    assertThat(new String(LotteryDraw.canonicalList(THREE), StandardCharsets.UTF_8))
        .isEqualTo("GX2024-000001\nGX2024-000002\nGX2024-000003\n");
    assertThat(LotteryDraw.listHash(THREE))
        .isEqualTo("cca801a3bd96e722b39d61c6b0c0ce9fbff08517b484b0a5761b084636f9f470");
  }

  @Test
  void the_rank_value_is_what_sha256sum_gives_for_seed_newline_reference() {
    assertThat(LotteryDraw.rankValue(SEED, "GX2024-000001"))
        .isEqualTo("a607119cfb6fbe020661694f954905b5850c956fe9781e4178f735cecc14b05a");
    assertThat(LotteryDraw.rankValue(SEED, "GX2024-000002"))
        .isEqualTo("1fa5a753f9201bdc5d80ce098441e7327e37318d821b452233953e2dfe80bf85");
    assertThat(LotteryDraw.rankValue(SEED, "GX2024-000003"))
        .isEqualTo("7ef69bc2ff7107d6dec2fac48a92d4bebdb77e35d5a07e45896529c10e4570c9");
    assertThat(LotteryDraw.commitment(SEED))
        .isEqualTo("f6929fa45d04c11ee14d74cd04ed4b46179b1e9d3e8179369af06a7042578fed");
  }

  @Test
  void ranks_by_rank_value_ascending_and_admits_the_first_places() {
    List<Entry> transcript = LotteryDraw.draw(THREE, SEED, 2, Set.of());

    assertThat(transcript)
        .containsExactly(
            new Entry(
                1,
                "GX2024-000002",
                "1fa5a753f9201bdc5d80ce098441e7327e37318d821b452233953e2dfe80bf85",
                Outcome.ADMITTED),
            new Entry(
                2,
                "GX2024-000003",
                "7ef69bc2ff7107d6dec2fac48a92d4bebdb77e35d5a07e45896529c10e4570c9",
                Outcome.ADMITTED),
            new Entry(
                3,
                "GX2024-000001",
                "a607119cfb6fbe020661694f954905b5850c956fe9781e4178f735cecc14b05a",
                Outcome.NOT_ADMITTED));
  }

  @Test
  void the_same_inputs_in_any_order_give_the_same_transcript() {
    List<String> many = references(200);
    List<Entry> first = LotteryDraw.draw(many, SEED, 37, Set.of("GX2024-000150"));
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      List<String> shuffled = new ArrayList<>(many);
      Collections.shuffle(shuffled, random);
      assertThat(LotteryDraw.draw(shuffled, SEED, 37, Set.of("GX2024-000150"))).isEqualTo(first);
      assertThat(LotteryDraw.listHash(shuffled)).isEqualTo(LotteryDraw.listHash(many));
    }
  }

  @Test
  void another_seed_gives_another_ranking() {
    List<String> many = references(50);

    List<String> one = order(LotteryDraw.draw(many, SEED, 10, Set.of()));
    List<String> other = order(LotteryDraw.draw(many, SEED + "6", 10, Set.of()));

    assertThat(other).containsExactlyInAnyOrderElementsOf(one).isNotEqualTo(one);
  }

  @Test
  void changing_adding_or_removing_one_applicant_changes_the_list_hash() {
    List<String> many = references(100);
    String hash = LotteryDraw.listHash(many);

    List<String> changed = new ArrayList<>(many);
    changed.set(42, "GX2024-900042");
    List<String> removed = many.subList(0, 99);
    List<String> added = new ArrayList<>(many);
    added.add("GX2024-000101");

    assertThat(LotteryDraw.listHash(changed)).isNotEqualTo(hash);
    assertThat(LotteryDraw.listHash(removed)).isNotEqualTo(hash);
    assertThat(LotteryDraw.listHash(added)).isNotEqualTo(hash);
    assertThat(Set.of(LotteryDraw.listHash(changed), LotteryDraw.listHash(removed)))
        .doesNotContain(LotteryDraw.listHash(added))
        .hasSize(2);
  }

  @Test
  void a_struck_out_applicant_keeps_its_rank_and_shifts_nobody_elses_value_or_rank() {
    List<String> many = references(30);
    List<Entry> clean = LotteryDraw.draw(many, SEED, 5, Set.of());
    String struck = clean.get(2).reference(); // rank 3, admitted in the clean draw

    List<Entry> withStrike = LotteryDraw.draw(many, SEED, 5, Set.of(struck));

    for (int i = 0; i < clean.size(); i++) {
      assertThat(withStrike.get(i).reference()).isEqualTo(clean.get(i).reference());
      assertThat(withStrike.get(i).rankValue()).isEqualTo(clean.get(i).rankValue());
      assertThat(withStrike.get(i).rank()).isEqualTo(i + 1);
    }
    assertThat(withStrike.get(2).outcome()).isEqualTo(Outcome.STRUCK_OUT);
    // The place it would have had goes to the next eligible one, rank 6.
    assertThat(outcomes(withStrike))
        .containsExactly(
            Outcome.ADMITTED,
            Outcome.ADMITTED,
            Outcome.STRUCK_OUT,
            Outcome.ADMITTED,
            Outcome.ADMITTED,
            Outcome.ADMITTED,
            Outcome.NOT_ADMITTED);
  }

  @Test
  void admits_the_top_places_eligible_even_when_struck_out_ones_are_above_them() {
    List<String> many = references(12);
    List<Entry> clean = LotteryDraw.draw(many, SEED, 4, Set.of());
    Set<String> struck = Set.of(clean.get(0).reference(), clean.get(1).reference());

    List<Entry> transcript = LotteryDraw.draw(many, SEED, 4, struck);

    assertThat(transcript.stream().filter(e -> e.outcome() == Outcome.ADMITTED))
        .extracting(Entry::rank)
        .containsExactly(3, 4, 5, 6);
    assertThat(transcript.stream().filter(e -> e.outcome() == Outcome.STRUCK_OUT))
        .extracting(Entry::rank)
        .containsExactly(1, 2);
    assertThat(transcript).hasSize(12);
  }

  @Test
  void admits_every_eligible_one_when_places_outnumber_them() {
    List<Entry> transcript = LotteryDraw.draw(THREE, SEED, 5, Set.of("GX2024-000003"));

    assertThat(outcomes(transcript))
        .containsExactly(Outcome.ADMITTED, Outcome.STRUCK_OUT, Outcome.ADMITTED);
  }

  @Test
  void every_position_is_about_equally_likely_over_many_seeds() {
    // Not a proof of fairness (SHA-256 is), but catches a rule that favours list order.
    List<String> ten = references(10);
    Map<String, Integer> firsts = new HashMap<>();
    int seeds = 5000;
    for (int s = 0; s < seeds; s++) {
      String first = LotteryDraw.draw(ten, "seed-" + s, 1, Set.of()).get(0).reference();
      firsts.merge(first, 1, Integer::sum);
    }
    assertThat(firsts).hasSize(10);
    // Expected 500 each; a binomial(5000, 0.1) stays within ±5 standard deviations (±106).
    assertThat(firsts.values()).allSatisfy(n -> assertThat(n).isBetween(394, 606));
  }

  @Test
  void the_seed_and_the_reference_cannot_run_into_each_other() {
    // Plain concatenation would make ("a1", "23") and ("a", "123") the same input.
    assertThat(LotteryDraw.rankValue("a1", "23")).isNotEqualTo(LotteryDraw.rankValue("a", "123"));
  }

  @Test
  void refuses_repeated_or_malformed_references() {
    assertThatThrownBy(() -> LotteryDraw.listHash(List.of("GX2024-000001", "GX2024-000001")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GX2024-000001 is in the list twice");
    assertThatThrownBy(() -> LotteryDraw.listHash(List.of("GX2024-000001\nGX2024-000002")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LotteryDraw.listHash(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LotteryDraw.draw(THREE, SEED, 1, Set.of("GX2024-000009")))
        .hasMessageContaining("not in the list");
    assertThatThrownBy(() -> LotteryDraw.draw(THREE, SEED, 0, Set.of()))
        .hasMessageContaining("places");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " leading", "trailing ", "line\nfeed", "tab\there"})
  void refuses_an_unusable_seed(String seed) {
    assertThat(LotteryDraw.seedProblem(seed)).isPresent();
    assertThatThrownBy(() -> LotteryDraw.draw(THREE, seed, 1, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void counts_a_seeds_length_in_characters_not_bytes() {
    assertThat(LotteryDraw.seedProblem("摇".repeat(200))).isEmpty();
    assertThat(LotteryDraw.seedProblem("摇".repeat(201))).isPresent();
    assertThat(LotteryDraw.seedProblem(SEED)).isEmpty();
  }

  private static List<String> references(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "GX2024-%06d".formatted(i)).toList();
  }

  private static List<String> order(List<Entry> transcript) {
    return transcript.stream().map(Entry::reference).toList();
  }

  private static List<Outcome> outcomes(List<Entry> transcript) {
    return transcript.stream().map(Entry::outcome).limit(7).toList();
  }
}
