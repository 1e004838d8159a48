package gx.enrollment.gateway;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The verification gateway of the one-stop school-enrollment service (教育入学一件事). */
@SpringBootApplication
public class EnrollmentGatewayApplication {

  /** Guangxi keeps Beijing time; reports carry +08:00. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public static void main(String[] args) {
    SpringApplication.run(EnrollmentGatewayApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
