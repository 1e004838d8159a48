package gx.enrollment.gateway.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HTTP API ({@code enrollment.api.*}).
 *
 * @param maxBodySize the largest JSON body accepted; larger ones get {@code 413}
 */
@ConfigurationProperties("enrollment.api")
@Validated
public record ApiProperties(@NotNull @DefaultValue("64KB") DataSize maxBodySize) {}
