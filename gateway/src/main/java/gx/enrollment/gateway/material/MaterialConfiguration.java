package gx.enrollment.gateway.material;

import gx.enrollment.gateway.storage.PersonalDataProtector;
import gx.enrollment.gateway.web.UploadSizeLimit;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;

/** Wires materials and declares the size of their uploads to the request size limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaterialsProperties.class)
public class MaterialConfiguration {

  /** What multipart framing (boundaries, part headers, the section field) may add to a file. */
  static final DataSize FRAMING = DataSize.ofKilobytes(64);

  @Bean
  MaterialService materialService(
      DatabaseClient db,
      PersonalDataProtector protector,
      TransactionalOperator transactions,
      MaterialsProperties properties,
      Clock clock) {
    return new MaterialService(new MaterialStore(db), protector, transactions, properties, clock);
  }

  @Bean
  UploadSizeLimit draftMaterialUploads(MaterialsProperties properties) {
    return new UploadSizeLimit(
        HttpMethod.POST, MaterialsController.DRAFT_MATERIALS, uploadLimit(properties));
  }

  @Bean
  UploadSizeLimit applicationMaterialUploads(MaterialsProperties properties) {
    return new UploadSizeLimit(
        HttpMethod.POST, MaterialsController.APPLICATION_MATERIALS, uploadLimit(properties));
  }

  private static DataSize uploadLimit(MaterialsProperties properties) {
    return DataSize.ofBytes(properties.maxFileSize().toBytes() + FRAMING.toBytes());
  }
}
