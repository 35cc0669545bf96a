package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  private static String query(String... args) {
    return ListQuery.from(CliArguments.parse("list", args, new ListCommand().valueOptions(), Set.of()));
  }

  @Test
  void withoutFiltersItListsEveryPlaybookRun() {
    assertThat(query()).isEqualTo("WorkflowType = 'ScimPlaybookWorkflow'");
  }

  @Test
  void eachFilterIsOneSearchAttributeTermWithItsValueNormalised() {
    assertThat(query("--account", "12345", "--source", "7", "--idp", "entra_id", "--step", "operator-review",
        "--outcome", "Escalated", "--root-cause", "none"))
        .isEqualTo("WorkflowType = 'ScimPlaybookWorkflow' AND ScimAccountId = '12345' AND ScimSourceId = '7'"
            + " AND ScimIdp = 'ENTRA_ID' AND PlaybookStep = 'OPERATOR_REVIEW' AND PlaybookOutcome = 'ESCALATED'"
            + " AND RootCause = 'NONE'");
  }
}
