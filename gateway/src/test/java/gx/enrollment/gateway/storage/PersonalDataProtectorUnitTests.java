package gx.enrollment.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class PersonalDataProtectorUnitTests {

  private static final String ID_NUMBER = "450702201809120011";
  private static final String DEV_KEY =
      EmbeddedInfrastructure.DEV_CRYPTO.get("enrollment.crypto.keys.dev-1");
  private static final String DEV_HASH_KEY =
      EmbeddedInfrastructure.DEV_CRYPTO.get("enrollment.crypto.hash-key");

  private final PersonalDataProtector protector = protector("dev-1", Map.of("dev-1", DEV_KEY));

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {ID_NUMBER, "11010519491231002X", "13800138000", "", "壮族 自治区 · ✓", "x"})
  void opens_what_it_sealed(String value) {
    PersonalDataProtector.Sealed sealed = protector.seal(value);

    assertThat(sealed.keyId()).isEqualTo("dev-1");
    assertThat(protector.open(sealed.keyId(), sealed.ciphertext())).isEqualTo(value);
  }

  @Test
  void seals_binary_content_bound_to_its_context() {
    byte[] file = new byte[70_000];
    new java.util.Random(7).nextBytes(file);

    PersonalDataProtector.Sealed sealed = protector.seal(file, 10, 60_000, "materials.content:a");

    assertThat(sealed.ciphertext()).hasSize(12 + 60_000 + 16);
    assertThat(protector.openBytes("dev-1", sealed.ciphertext(), "materials.content:a"))
        .isEqualTo(java.util.Arrays.copyOfRange(file, 10, 60_010));
    assertThatThrownBy(
            () -> protector.openBytes("dev-1", sealed.ciphertext(), "materials.content:b"))
        .isInstanceOf(UnreadablePersonalDataException.class);
  }

  @Test
  void stores_nonce_then_ciphertext_then_a_128_bit_tag() {
    PersonalDataProtector.Sealed sealed = protector.seal(ID_NUMBER);

    assertThat(sealed.ciphertext()).hasSize(12 + ID_NUMBER.length() + 16);
  }

  @Test
  void opens_a_ciphertext_made_elsewhere_with_standard_aes_gcm() {
    // Made with Python's `cryptography` (AESGCM, nonce 00..0b): pins the stored format, so data
    // written by this version stays readable by the next.
    byte[] stored =
        Base64.getDecoder()
            .decode("AAECAwQFBgcICQoL2bWmHSCRMgHo3XiOnwL8GEWbFbLcDCgHJr7SH218dVjRGQ==");
    byte[] storedForColumn =
        Base64.getDecoder()
            .decode("AAECAwQFBgcICQoL2bWmHSCRMgHo3XiOnwL8GEWbTct6VCFPCg/HAFWv28HegQ==");

    assertThat(protector.open("dev-1", stored)).isEqualTo(ID_NUMBER);
    assertThat(protector.open("dev-1", storedForColumn, "child_id_cipher")).isEqualTo(ID_NUMBER);
  }

  @Test
  void seals_one_value_differently_each_time_but_hashes_it_the_same() {
    PersonalDataProtector.Sealed first = protector.seal(ID_NUMBER);
    PersonalDataProtector.Sealed second = protector.seal(ID_NUMBER);

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(protector.hash(ID_NUMBER)).isEqualTo(protector.hash(ID_NUMBER));
  }

  @Test
  void hashes_with_hmac_sha256_under_the_hash_key() {
    // Computed independently (Python's hmac): lookups of stored rows depend on these bytes.
    assertThat(HexFormat.of().formatHex(protector.hash(ID_NUMBER)))
        .isEqualTo("759df5cb9d2e924ae756e3a73a74ce0788eaa0c458049a8332e56c746a06c520");
  }

  @Test
  void hashes_exactly_what_it_is_given() {
    assertThat(protector.hash("11010519491231002X"))
        .isNotEqualTo(protector.hash("11010519491231002x"));
  }

  @Test
  void hashes_differently_under_another_hash_key() {
    PersonalDataProtector other =
        new PersonalDataProtector(
            new CryptoProperties("dev-1", Map.of("dev-1", DEV_KEY), randomKey()));

    assertThat(other.hash(ID_NUMBER)).hasSize(32).isNotEqualTo(protector.hash(ID_NUMBER));
  }

  @Test
  void opens_values_sealed_under_an_older_key_after_rotation() {
    PersonalDataProtector.Sealed old = protector.seal(ID_NUMBER);
    PersonalDataProtector rotated =
        protector("prod-2", Map.of("dev-1", DEV_KEY, "prod-2", randomKey()));

    PersonalDataProtector.Sealed fresh = rotated.seal(ID_NUMBER);

    assertThat(rotated.activeKeyId()).isEqualTo("prod-2");
    assertThat(fresh.keyId()).isEqualTo("prod-2");
    assertThat(rotated.open(old.keyId(), old.ciphertext())).isEqualTo(ID_NUMBER);
    assertThat(rotated.open(fresh.keyId(), fresh.ciphertext())).isEqualTo(ID_NUMBER);
    assertThat(rotated.hash(ID_NUMBER)).isEqualTo(protector.hash(ID_NUMBER));
  }

  @Test
  void refuses_a_ciphertext_with_any_one_byte_changed() {
    byte[] sealed = protector.seal(ID_NUMBER).ciphertext();

    // Every position: the nonce, the ciphertext proper and the tag.
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> protector.open("dev-1", tampered))
          .as("byte %d changed", i)
          .isInstanceOf(UnreadablePersonalDataException.class)
          .hasMessageContaining("'dev-1'")
          .hasMessageNotContaining(ID_NUMBER);
    }
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 11, 27})
  void refuses_a_truncated_ciphertext(int length) {
    byte[] truncated = java.util.Arrays.copyOf(protector.seal("").ciphertext(), length);

    assertThatThrownBy(() -> protector.open("dev-1", truncated))
        .isInstanceOf(UnreadablePersonalDataException.class)
        .hasMessageContaining("'dev-1'");
  }

  @Test
  void names_an_unknown_key_id_and_never_the_value() {
    byte[] sealed = protector.seal(ID_NUMBER).ciphertext();

    assertThatThrownBy(() -> protector.open("retired-0", sealed))
        .isInstanceOfSatisfying(
            UnreadablePersonalDataException.class,
            e -> assertThat(e.keyId()).isEqualTo("retired-0"))
        .hasMessageContaining("'retired-0'")
        .hasMessageContaining("enrollment.crypto.keys")
        .hasMessageNotContaining(ID_NUMBER);
  }

  @Test
  void refuses_a_value_labelled_with_another_listed_key() {
    PersonalDataProtector twoKeys =
        protector("dev-1", Map.of("dev-1", DEV_KEY, "dev-2", randomKey()));
    byte[] sealed = twoKeys.seal(ID_NUMBER).ciphertext();

    assertThatThrownBy(() -> twoKeys.open("dev-2", sealed))
        .isInstanceOf(UnreadablePersonalDataException.class)
        .hasMessageContaining("'dev-2'");
  }

  @Test
  void opens_a_value_only_in_the_context_it_was_sealed_for() {
    PersonalDataProtector.Sealed child = protector.seal(ID_NUMBER, "child_id_cipher");

    assertThat(protector.open("dev-1", child.ciphertext(), "child_id_cipher")).isEqualTo(ID_NUMBER);
    assertThatThrownBy(() -> protector.open("dev-1", child.ciphertext(), "guardian_id_cipher"))
        .isInstanceOf(UnreadablePersonalDataException.class)
        .hasMessageContaining("'guardian_id_cipher'");
    assertThatThrownBy(() -> protector.open("dev-1", child.ciphertext()))
        .isInstanceOf(UnreadablePersonalDataException.class);
  }

  @Test
  void shows_neither_keys_nor_values_in_to_string() {
    PersonalDataProtector.Sealed sealed = protector.seal(ID_NUMBER);

    assertThat(protector.toString()).contains("dev-1").doesNotContain(DEV_KEY, DEV_HASH_KEY);
    assertThat(sealed.toString()).isEqualTo("Sealed[keyId=dev-1, 46 bytes]");
  }

  @Test
  void keeps_its_ciphertext_to_itself() {
    PersonalDataProtector.Sealed sealed = protector.seal(ID_NUMBER);

    sealed.ciphertext()[0] ^= 0x01;

    assertThat(protector.open(sealed.keyId(), sealed.ciphertext())).isEqualTo(ID_NUMBER);
  }

  @Test
  void seals_and_opens_on_many_threads_at_once() throws Exception {
    int threads = 16;
    int perThread = 500;
    Set<String> nonces = ConcurrentHashMap.newKeySet();
    List<Callable<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int worker = t;
      workers.add(
          () -> {
            int opened = 0;
            for (int i = 0; i < perThread; i++) {
              String value = worker + "-" + i;
              PersonalDataProtector.Sealed sealed = protector.seal(value);
              nonces.add(HexFormat.of().formatHex(sealed.ciphertext(), 0, 12));
              if (protector.open(sealed.keyId(), sealed.ciphertext()).equals(value)) {
                opened++;
              }
            }
            return opened;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int opened = 0;
    try {
      for (Future<Integer> result : pool.invokeAll(workers)) {
        opened += result.get();
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(opened).isEqualTo(threads * perThread);
    assertThat(nonces).hasSize(threads * perThread);
  }

  @Test
  void never_blocks_an_event_loop() {
    // BlockHound (installed for every test) fails a non-blocking thread that reads /dev/urandom.
    Mono<String> roundTrip =
        Mono.fromCallable(
                () -> {
                  PersonalDataProtector.Sealed sealed =
                      protector.seal(ID_NUMBER, "child_id_cipher");
                  protector.hash(ID_NUMBER);
                  return protector.open(sealed.keyId(), sealed.ciphertext(), "child_id_cipher");
                })
            .repeat(99)
            .last()
            .subscribeOn(Schedulers.parallel());

    StepVerifier.create(roundTrip).expectNext(ID_NUMBER).verifyComplete();
  }

  private static PersonalDataProtector protector(String activeKeyId, Map<String, String> keys) {
    return new PersonalDataProtector(new CryptoProperties(activeKeyId, keys, DEV_HASH_KEY));
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
