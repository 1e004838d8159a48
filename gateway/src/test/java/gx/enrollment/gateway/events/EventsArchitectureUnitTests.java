package gx.enrollment.gateway.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import org.junit.jupiter.api.Test;

/** The boundaries of the events package. */
class EventsArchitectureUnitTests {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gx.enrollment.gateway");

  private static final DescribedPredicate<JavaClass> THE_KAFKA_ADAPTER =
      DescribedPredicate.describe(
          "the Kafka adapters",
          javaClass ->
              javaClass.getName().startsWith(ReactorKafkaEventPublisher.class.getName())
                  || javaClass.getName().startsWith(ReactorKafkaTopicSubscriber.class.getName()));

  @Test
  void keeps_reactor_kafka_inside_its_adapter() {
    noClasses()
        .that(DescribedPredicate.not(THE_KAFKA_ADAPTER))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("reactor.kafka..")
        .because("Reactor Kafka is no longer developed upstream; replacing it must touch one class")
        .check(GATEWAY);
  }

  @Test
  void keeps_the_kafka_client_inside_the_adapter_too() {
    noClasses()
        .that(DescribedPredicate.not(THE_KAFKA_ADAPTER))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..")
        .because("the rest of the gateway talks to the EventPublisher and TopicSubscriber ports")
        .check(GATEWAY);
  }

  @Test
  void has_the_embedded_broker_create_every_topic_the_gateway_publishes_to() {
    assertThat(EmbeddedKafkaServer.TOPICS)
        .containsExactlyInAnyOrder(
            EventTopics.VERIFICATION_COMPLETED, EventTopics.APPLICATION_STATUS_CHANGED);
  }
}
