package gx.enrollment.gateway.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/regions}: the pilot areas of {@code config/regions.yml} as portals show them
 * to parents — each with its form type and the consultation phones and hours of the seed's table —
 * and the areas inside the pilot cities that are not in the pilot. Always the {@code regions.yml}
 * in force.
 */
@RestController
@Tag(name = "regions")
public class RegionsController {

  private final RegionDirectory regions;

  public RegionsController(RegionDirectory regions) {
    this.regions = regions;
  }

  /** The directory of pilot areas. */
  public record Directory(
      String consultationHours,
      List<PilotArea> areas,
      List<RegionsProperties.ExcludedArea> excluded) {}

  @Operation(
      summary = "The pilot areas: form type, consultation phones and hours, policy",
      description = "And the areas inside the pilot cities that are not in the pilot.")
  @GetMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Directory regions() {
    return new Directory(regions.consultationHours(), regions.areas(), regions.excluded());
  }
}
